package org.engagement.core.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The mutable state of one import: counts, retained rejections and the source ids seen. */
final class ImportRun {
  private static final Logger LOG = LoggerFactory.getLogger(InteractionImporter.class);

  private final String adapterName;
  private final InteractionImporter config;
  private final Consumer<? super Interaction> sink;
  private final @Nullable SourceIdIndex firstRecordBySourceId;
  private final List<Rejection> retained = new ArrayList<>();

  private long read;
  private long accepted;
  private long rejected;
  private long duplicates;
  private long notRetained;
  private @Nullable String failure;

  ImportRun(String adapterName, InteractionImporter config, Consumer<? super Interaction> sink) {
    this.adapterName = adapterName;
    this.config = config;
    this.sink = sink;
    this.firstRecordBySourceId = config.detectDuplicates() ? new SourceIdIndex() : null;
  }

  void drain(RecordReader reader) throws IOException {
    while (true) {
      AdapterRecord record;
      try {
        record = reader.next();
      } catch (InvalidSourceException e) {
        throw new ImportException(report(), adapterName + ": " + e.getMessage() + " (after " + read + " records)", e);
      } catch (RuntimeException | StackOverflowError e) {
        adapterFailed(e);
        return;
      }
      if (record == null) {
        break;
      }
      read++;
      if (record instanceof AdapterRecord.Accepted a) {
        accept(a);
      } else {
        reject(((AdapterRecord.Rejected) record).rejection());
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("import finished: {}", report().summary());
    }
  }

  private void accept(AdapterRecord.Accepted record) {
    Interaction interaction = record.interaction();
    String sourceId = interaction.sourceId();
    if (firstRecordBySourceId != null && sourceId != null) {
      long first = firstRecordBySourceId.putIfAbsent(sourceId, record.position().record());
      if (first >= 0) {
        duplicates++;
        record(new Rejection(record.position(), Rejection.Kind.DUPLICATE, "source_id",
            InvalidFieldException.shorten(sourceId),
            "repeats the source id of record " + first));
        return;
      }
    }
    accepted++;
    sink.accept(interaction);
  }

  private void reject(Rejection rejection) {
    rejected++;
    record(rejection);
  }

  private void record(Rejection rejection) {
    if (retained.size() < config.maxRetainedRejections()) {
      retained.add(rejection);
    } else {
      notRetained++;
    }
    config.rejectionListener().accept(rejection);
    if (config.mode() == ImportMode.STRICT) {
      throw new ImportException(report(), rejection);
    }
  }

  private void adapterFailed(Throwable e) {
    read++;
    SourcePosition position = SourcePosition.ofRecord(read);
    LOG.warn("adapter '{}' failed at {}: {}; import stopped", adapterName, position, e.getClass().getName());
    failure = "adapter '" + adapterName + "' failed at " + position + " with " + e.getClass().getName();
    reject(new Rejection(position, Rejection.Kind.ADAPTER_FAILURE, null, null, failure));
  }

  void adapterFailedToOpen(Throwable e) {
    LOG.warn("adapter '{}' failed to open its source: {}", adapterName, e.getClass().getName());
    failure = "adapter '" + adapterName + "' failed to open the source with " + e.getClass().getName();
    if (config.mode() == ImportMode.STRICT) {
      throw new ImportException(report(), failure, e);
    }
  }

  ImportReport report() {
    return new ImportReport(adapterName, read, accepted, rejected, duplicates, retained, notRetained, failure);
  }
}
