package org.engagement.report.section;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.report.html.Html;

/**
 * One section of the report: immutable figures that render themselves as HTML (with charts) and as a
 * few lines of terminal summary. A section added later (relationship ROI, CLV, conversations) implements
 * this interface and is produced by a {@link SectionBuilder} that replaces the slot of the same id.
 *
 * <p>Implementations must be immutable and thread-safe.
 *
 * @since 0.1.0
 */
public interface ReportSection {

  /** A short stable id, used as the HTML anchor and to replace a slot: lower case, digits and '-'. */
  String id();

  /** The heading. */
  String title();

  /** Whether the section has figures; {@code false} for a section whose input is missing. */
  default boolean available() {
    return true;
  }

  /** Writes the section's body (not its heading) to {@code html}. */
  void writeHtml(Html html);

  /** A few lines for the terminal summary, without the title. */
  List<String> summary();

  /** A section that has no figures, saying why. */
  static ReportSection notAvailable(String id, String title, String reason) {
    return new NotAvailable(id, title, reason);
  }

  /**
   * A section left out because building it ran out of memory, saying so: the rest of the report is complete but
   * this section is not, which {@code ReportModel.complete()} reports and the command line's exit code says.
   */
  static ReportSection leftOut(String id, String title, String reason) {
    return new LeftOut(id, title, reason);
  }

  /**
   * A section the report could not build for want of a resource the host limits (the Java heap), unlike
   * {@link NotAvailable}, whose input or analysis is missing: a larger limit would give its figures. Immutable
   * and thread-safe.
   *
   * @param id the section id
   * @param title the heading
   * @param reason what ran out, and what to do about it
   * @since 0.1.0
   */
  record LeftOut(String id, String title, String reason) implements ReportSection {
    /** Requires every part. */
    public LeftOut {
      requireNonNull(id, "id");
      requireNonNull(title, "title");
      requireNonNull(reason, "reason");
    }

    @Override
    public boolean available() {
      return false;
    }

    @Override
    public void writeHtml(Html html) {
      html.paragraph("not-available", "Left out: " + reason);
    }

    @Override
    public List<String> summary() {
      return List.of("left out: " + reason);
    }
  }

  /**
   * A section without figures, for a slot whose analysis or input is missing. Immutable and thread-safe.
   *
   * @param id the section id
   * @param title the heading
   * @param reason why there are no figures
   * @since 0.1.0
   */
  record NotAvailable(String id, String title, String reason) implements ReportSection {
    /** Requires every part. */
    public NotAvailable {
      requireNonNull(id, "id");
      requireNonNull(title, "title");
      requireNonNull(reason, "reason");
    }

    @Override
    public boolean available() {
      return false;
    }

    @Override
    public void writeHtml(Html html) {
      html.paragraph("not-available", "Not available: " + reason);
    }

    @Override
    public List<String> summary() {
      return List.of("not available: " + reason);
    }
  }
}
