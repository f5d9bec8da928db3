package org.kameng.server.themes;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.nodes.LNode;
import liqp.parser.v4.NodeVisitor;
import liqp.spi.BasicTypesSupport;

/**
 * Renders parsed templates from a render tree built once per template, each render in a fresh
 * context of its own.
 *
 * <p>Why not {@link Template#render}: liqp 0.9 keeps only the parse tree and rebuilds the render
 * tree on every render (70 % of a product page's render time in the P4 profile), and it keeps the
 * render's context in a field of the shared {@code Template}, where two threads rendering the same
 * page at once could each pick up the other's context: another buyer's, or another shop's, data.
 * Here a render's context lives only on its own stack.
 */
final class RenderTrees {

  private record Tree(TemplateParser parser, LNode root) {}

  // Keyed by identity (Template does not override equals): the themes' templates, parsed once.
  private static final Map<Template, Tree> TREES = new ConcurrentHashMap<>();
  private static final Field PARSER;

  static {
    try {
      PARSER = Template.class.getDeclaredField("templateParser");
      PARSER.setAccessible(true);
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private RenderTrees() {}

  /** Renders {@code template} with {@code variables} as its whole context. */
  static String render(Template template, Map<String, Object> variables) {
    Tree tree = tree(template);
    BasicTypesSupport.clearReferences();
    TemplateContext context = new TemplateContext(tree.parser(), variables);
    return String.valueOf(finish(tree, context, tree.root().render(context)));
  }

  /** Renders {@code template} inside a render under way (a snippet), seeing its variables. */
  static Object renderInside(Template template, TemplateContext parent) {
    Tree tree = tree(template);
    TemplateContext context = parent.newChildContext(new HashMap<>());
    return finish(tree, context, tree.root().render(context));
  }

  private static Object finish(Tree tree, TemplateContext context, Object rendered) {
    return tree.parser().getRenderTransformer().transformObject(context, rendered);
  }

  private static Tree tree(Template template) {
    return TREES.computeIfAbsent(template, RenderTrees::build);
  }

  private static Tree build(Template template) {
    try {
      TemplateParser parser = (TemplateParser) PARSER.get(template);
      LNode root =
          new NodeVisitor(parser.insertions, parser.filters, parser.liquidStyleInclude)
              .visit(template.getParseTree());
      return new Tree(parser, root);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("liqp's Template changed: " + e.getMessage(), e);
    }
  }
}
