package org.kameng.server.themes;

import java.util.Map;
import java.util.regex.Pattern;
import liqp.Template;
import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * {@code {% snippet 'name' %}}: renders one of the theme's snippets in the current context. Unlike
 * Liquid's {@code include}, which reads and parses the file on every render, the snippet was parsed
 * once with its theme; and it cannot nest deeper than the limit, so a snippet that includes itself
 * fails instead of looping.
 */
final class SnippetTag extends Tag {

  private static final String DEPTH = "__snippet_depth";
  private static final Pattern QUOTES = Pattern.compile("^['\"]|['\"]$");

  private final Map<String, Template> snippets;
  private final int maxDepth;

  SnippetTag(Map<String, Template> snippets, int maxDepth) {
    super("snippet");
    this.snippets = snippets;
    this.maxDepth = maxDepth;
  }

  @Override
  public Object render(TemplateContext context, LNode... nodes) {
    // A custom tag receives its argument as written: 'name' or "name".
    String name = QUOTES.matcher(String.valueOf(nodes[0].render(context)).strip()).replaceAll("");
    Template snippet = snippets.get(name);
    if (snippet == null) {
      throw new IllegalStateException("no snippet named " + name);
    }
    Map<String, Object> registry = context.getRegistry(DEPTH);
    int depth = (Integer) registry.getOrDefault(DEPTH, 0);
    if (depth >= maxDepth) {
      throw new IllegalStateException("snippets nest deeper than " + maxDepth);
    }
    registry.put(DEPTH, depth + 1);
    try {
      return RenderTrees.renderInside(snippet, context);
    } finally {
      registry.put(DEPTH, depth);
    }
  }
}
