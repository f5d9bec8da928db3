import type { ComponentChildren, VNode } from 'preact';

/**
 * A list as a table with one header row, or a muted line when it is empty: the shape every list
 * screen shares. `row` returns the whole `<tr>`, so a screen keeps its own cells and data- attributes.
 */
export function ListTable<T>(props: {
  items: T[];
  empty: ComponentChildren;
  headers: ComponentChildren[];
  row: (item: T) => VNode;
  testId?: string;
}) {
  if (props.items.length === 0) {
    return <p class="muted">{props.empty}</p>;
  }
  return (
    <table data-testid={props.testId}>
      <thead>
        <tr>
          {props.headers.map((header) => (
            <th>{header}</th>
          ))}
        </tr>
      </thead>
      <tbody>{props.items.map((item) => props.row(item))}</tbody>
    </table>
  );
}
