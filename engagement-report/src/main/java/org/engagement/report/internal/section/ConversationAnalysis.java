package org.engagement.report.internal.section;

import com.google.common.io.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.engagement.core.conversation.message.KeyMessage;
import org.engagement.core.conversation.message.PullThrough;
import org.engagement.core.conversation.service.ServiceLedger;
import org.engagement.core.conversation.voice.Brands;
import org.engagement.core.conversation.voice.ShareOfVoice;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.CsvFiles;
import org.engagement.report.internal.analysis.ConversationSetup;
import org.engagement.report.internal.text.NumberText;
import org.engagement.roi.lift.ServiceRetentionLift;
import org.jspecify.annotations.Nullable;

/**
 * Computes a {@link ConversationSection} with the conversation module's aggregates: {@link PullThrough},
 * {@link ShareOfVoice}, {@link ServiceLedger} and {@link ServiceRetentionLift}, monthly in UTC. Stateless.
 */
public final class ConversationAnalysis {
  private ConversationAnalysis() {}

  /**
   * Reads the feed, the messages and the brands of {@code analysis}, or returns empty without a feed. The feed
   * is folded into the section's aggregates as it is read, never held (at 10 million interactions it is about
   * 1.2 million rows with their text, more than the rest of the report's heap): so the messages and brands are
   * read first, and their accounts recorded after the feed's, in the order the page has always listed them.
   */
  static Optional<ConversationSection> of(Analysis analysis) {
    AnalysisInput input = analysis.input();
    Optional<ByteSource> feedFile = input.file(AnalysisInput.CONVERSATIONS);
    if (feedFile.isEmpty()) {
      return Optional.empty();
    }
    Companion<ConversationSetup.MessageRow> messageRows =
        Companion.read(input, AnalysisInput.MESSAGES, ConversationSetup::readMessages);
    Companion<ConversationSetup.BrandRow> brandRows = messageRows.failed() ? Companion.none()
        : Companion.read(input, AnalysisInput.BRANDS, ConversationSetup::readBrands);
    List<KeyMessage> messages = messageRows.rows().map(ConversationSetup::messages).orElse(List.of());
    Brands brands = null;
    InvalidFieldException invalid = null;
    try {
      brands = brandRows.rows().map(ConversationAnalysis::brands).orElse(null);
    } catch (InvalidFieldException e) {
      invalid = e;
    }
    analysis.progress().step("conversations: reading the feed");
    ConversationFold fold = new ConversationFold(messages, brands);
    boolean folding = !messageRows.failed() && !brandRows.failed() && invalid == null;
    List<ImportReport> reads = new ArrayList<>(List.of(readFeed(analysis, feedFile.get(),
        folding ? fold::add : interaction -> { })));
    messageRows.record(analysis, reads);
    brandRows.record(analysis, reads);
    if (invalid != null) {
      throw invalid;
    }
    Instant asOf = fold.latest().filter(analysis.asOf()::isBefore).orElse(analysis.asOf());
    analysis.progress().step("conversations: pull-through, share of voice and service");
    return Optional.of(fold.section(InteractionColumns.of(input.interactions()), asOf, reads));
  }

  /**
   * Imports the feed into {@code sink} and records the account in {@code analysis}.
   *
   * @throws InvalidSourceException if the feed cannot be read as a whole (broken CSV structure, say); the
   *     account of what was read before is recorded first
   */
  private static ImportReport readFeed(Analysis analysis, ByteSource file, Consumer<Interaction> sink) {
    ImportReport report;
    try (InputStream in = file.openBufferedStream()) {
      report = Analysis.named(AnalysisInput.CONVERSATIONS,
          InteractionImporter.defaults().run(new CsvInteractionAdapter(), in, sink));
    } catch (ImportException e) {
      ImportReport before = e.report();
      analysis.recordRead(new ImportReport(AnalysisInput.CONVERSATIONS, before.read(), before.accepted(),
          before.rejected(), before.duplicates(), before.rejections(), before.rejectionsNotRetained(),
          before.failureReason().orElse(String.valueOf(e.getMessage()))));
      throw new InvalidSourceException("cannot read " + AnalysisInput.CONVERSATIONS + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw CsvFiles.failed(analysis, AnalysisInput.CONVERSATIONS, String.valueOf(e.getMessage()), e);
    }
    analysis.recordRead(report);
    return report;
  }

  private static Brands brands(List<ConversationSetup.BrandRow> rows) {
    String ours = rows.stream().filter(ConversationSetup.BrandRow::ours).map(ConversationSetup.BrandRow::brand)
        .findFirst().orElseThrow(() -> new InvalidFieldException(AnalysisInput.BRANDS, rows.size() + " brands",
            "must mark one brand as ours"));
    return new Brands(ours, rows.stream().filter(r -> !r.ours()).map(ConversationSetup.BrandRow::brand).toList());
  }

  /**
   * A companion file of the feed (the messages or the brands) read before it, whose account is recorded after
   * the feed's: what {@link CsvFiles#read} does, in two steps.
   */
  private static final class Companion<T> {
    private final String name;
    private final @Nullable CsvImport<T> read;
    /** Why the file could not be read as a whole, with the exception that said so. */
    private final @Nullable String failure;
    private final @Nullable Exception cause;
    /** An exception the reader threw for another reason, thrown as it is when the account is recorded. */
    private final @Nullable RuntimeException unexpected;

    private Companion(String name, @Nullable CsvImport<T> read, @Nullable String failure, @Nullable Exception cause,
        @Nullable RuntimeException unexpected) {
      this.name = name;
      this.read = read;
      this.failure = failure;
      this.cause = cause;
      this.unexpected = unexpected;
    }

    static <T> Companion<T> none() {
      return new Companion<>("", null, null, null, null);
    }

    /** Reads the input's file {@code name} with {@code reader}, if the input has one; a failure is kept. */
    static <T> Companion<T> read(AnalysisInput input, String name, CsvFiles.CsvReader<T> reader) {
      Optional<ByteSource> file = input.file(name);
      if (file.isEmpty()) {
        return none();
      }
      try (InputStream bytes = file.get().openBufferedStream()) {
        return new Companion<>(name, reader.read(bytes), null, null, null);
      } catch (InvalidSourceException e) {
        return new Companion<>(name, null, String.valueOf(e.getMessage()), e, null);
      } catch (IOException e) {
        return new Companion<>(name, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
            e, null);
      } catch (RuntimeException e) {
        return new Companion<>(name, null, null, null, e);
      }
    }

    boolean failed() {
      return failure != null || unexpected != null;
    }

    Optional<List<T>> rows() {
      return read == null ? Optional.empty() : Optional.of(read.values());
    }

    /**
     * Records the account in {@code analysis} and adds it to {@code reads}.
     *
     * @throws InvalidSourceException naming the file if it could not be read as a whole (the failed read recorded
     *     first)
     */
    void record(Analysis analysis, List<ImportReport> reads) {
      if (unexpected != null) {
        throw unexpected;
      }
      if (failure != null && cause != null) {
        throw CsvFiles.failed(analysis, name, failure, cause);
      }
      if (read != null) {
        analysis.recordRead(Analysis.named(name, read.report()));
        reads.add(read.report());
      }
    }
  }

  /** A duration as hours with one decimal, or a dash when there is none. */
  static String hours(@Nullable Duration duration) {
    return duration == null ? "\u2013" : NumberText.number(duration.toSeconds() / 3600.0, 1) + " h";
  }
}
