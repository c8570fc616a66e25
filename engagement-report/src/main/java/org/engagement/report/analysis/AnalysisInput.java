package org.engagement.report.analysis;

import static java.util.Objects.requireNonNull;

import com.google.common.io.ByteSource;
import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;

/**
 * What the report analyses: the interactions imported from {@value #INTERACTIONS} (with the import's
 * account of rejected records, which the report shows rather than hiding) and the optional companion
 * files of the sample world ({@value #COSTS}, {@value #SURVEY}, {@value #SURVEY_CHANNELS}, {@value #TRUTH}, {@value #CUSTOMERS},
 * {@value #CONVERSATIONS}, {@value #MESSAGES}, {@value #BRANDS}, {@value #HOLDOUT}) and experiments' results
 * ({@value #LIFT}),
 * kept as byte sources (a file or a class-path resource) for the sections that read them: the files of a
 * directory ({@link #read(Path)}) or any byte sources by name ({@link #of(String, Map)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param source where the data came from, as shown in the report
 * @param interactions the accepted interactions, in source order, as {@link InteractionColumns}
 * @param importReport the account of every record of the interactions file
 * @param files the optional companion files found, by file name
 * @since 0.1.0
 */
public record AnalysisInput(
    String source, List<Interaction> interactions, ImportReport importReport, Map<String, ByteSource> files) {
  /** The required file: interactions in the CSV adapter's format. */
  public static final String INTERACTIONS = "interactions.csv";
  /** Optional: cost per month, channel and owner ({@code month,channel,owner,amount,currency}). */
  public static final String COSTS = "costs.csv";
  /** Optional: self-reported attribution ({@code customer_id,answer}). */
  public static final String SURVEY = "survey.csv";
  /** Optional: how survey answers name channels ({@code channel,phrase}). */
  public static final String SURVEY_CHANNELS = "survey-channels.csv";
  /** Optional: the true channel effects of a generated world. */
  public static final String TRUTH = "truth.csv";
  /** Optional: the customer list. */
  public static final String CUSTOMERS = "customers.csv";
  /** Optional: the conversation feed, interactions with content (mentions, shares, service threads). */
  public static final String CONVERSATIONS = "conversations.csv";
  /** Optional: the key messages of the conversation feed ({@code message,phrase[,kind]}). */
  public static final String MESSAGES = "messages.csv";
  /** Optional: the brands of the conversation feed ({@code brand,role}, role {@code ours} or {@code competitor}). */
  public static final String BRANDS = "brands.csv";
  /**
   * Optional: the people of randomised holdouts ({@code customer_id,channel}, as the simulator writes it); the
   * ROI's credits are calibrated with the lift of each channel held out.
   */
  public static final String HOLDOUT = "holdout.csv";
  /**
   * Optional: experiments' lift results ({@code channel,incremental_conversions,low,high}, over the journeys'
   * period); the ROI's credits are calibrated with them.
   */
  public static final String LIFT = "lift.csv";

  private static final List<String> OPTIONAL =
      List.of(COSTS, SURVEY, SURVEY_CHANNELS, TRUTH, CUSTOMERS, CONVERSATIONS, MESSAGES, BRANDS, HOLDOUT, LIFT);

  /**
   * Requires every part and copies the collections; the interactions are kept as {@link InteractionColumns}
   * (a few bytes a row, each customer's rows reachable in turn), which the sections read one customer or
   * one row at a time.
   */
  public AnalysisInput {
    requireNonNull(source, "source");
    interactions = InteractionColumns.of(interactions);
    requireNonNull(importReport, "importReport");
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /**
   * Reads a directory: {@value #INTERACTIONS} is required, the other files are picked up when present.
   * Bad records are counted and described in the import report, never dropped silently.
   *
   * @throws InvalidFieldException if the directory has no {@value #INTERACTIONS}
   * @throws org.engagement.core.ingest.ImportException if the file as a whole cannot be read
   * @throws IOException if reading fails
   */
  public static AnalysisInput read(Path directory) throws IOException {
    requireNonNull(directory, "directory");
    Path csv = directory.resolve(INTERACTIONS);
    if (!Files.isRegularFile(csv)) {
      throw new InvalidFieldException("input", directory.toString(), "must be a directory holding " + INTERACTIONS);
    }
    InteractionColumns.Builder interactions = InteractionColumns.builder();
    ImportReport report = InteractionImporter.defaults().run(new CsvInteractionAdapter(), csv, interactions);
    Map<String, ByteSource> files = new TreeMap<>();
    for (String name : OPTIONAL) {
      Path file = directory.resolve(name);
      if (Files.isRegularFile(file)) {
        files.put(name, MoreFiles.asByteSource(file));
      }
    }
    return new AnalysisInput(directory.toString(), interactions.build(), report, files);
  }

  /**
   * Reads an input whose files are byte sources (class-path resources, say) by file name: {@value
   * #INTERACTIONS} is required, the optional files are kept when present, and other names are ignored.
   *
   * @param source where the data came from, as shown in the report
   * @throws InvalidFieldException if {@code files} has no {@value #INTERACTIONS}
   * @throws org.engagement.core.ingest.ImportException if the interactions as a whole cannot be read
   * @throws IOException if reading fails
   */
  public static AnalysisInput of(String source, Map<String, ByteSource> files) throws IOException {
    requireNonNull(source, "source");
    ByteSource csv = files.get(INTERACTIONS);
    if (csv == null) {
      throw new InvalidFieldException("input", source, "must hold " + INTERACTIONS);
    }
    InteractionColumns.Builder interactions = InteractionColumns.builder();
    ImportReport report;
    try (InputStream in = csv.openStream()) {
      report = InteractionImporter.defaults().run(new CsvInteractionAdapter(), in, interactions);
    }
    Map<String, ByteSource> optional = new TreeMap<>();
    for (String name : OPTIONAL) {
      ByteSource file = files.get(name);
      if (file != null) {
        optional.put(name, file);
      }
    }
    return new AnalysisInput(source, interactions.build(), report, optional);
  }

  /**
   * This input with {@code file} as its optional companion file {@code name}, in place of the one it had: an
   * experiment's file named on the command line ({@code report --lift FILE}), say.
   *
   * @throws InvalidFieldException if {@code name} is not one of the optional files
   */
  public AnalysisInput withFile(String name, ByteSource file) {
    requireNonNull(name, "name");
    requireNonNull(file, "file");
    if (!OPTIONAL.contains(name)) {
      throw new InvalidFieldException("name", name, "must be one of the optional files " + OPTIONAL);
    }
    Map<String, ByteSource> replaced = new TreeMap<>(files);
    replaced.put(name, file);
    return new AnalysisInput(source, interactions, importReport, replaced);
  }

  /** The companion file called {@code name}, if the input has it. */
  public Optional<ByteSource> file(String name) {
    return Optional.ofNullable(files.get(requireNonNull(name, "name")));
  }
}
