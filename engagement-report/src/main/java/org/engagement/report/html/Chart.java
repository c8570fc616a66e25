package org.engagement.report.html;

/**
 * A chart drawn as inline SVG: no script, no external reference, well-formed XML.
 * Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Chart {

  /** The chart as one {@code <svg>} element. */
  String toSvg();
}
