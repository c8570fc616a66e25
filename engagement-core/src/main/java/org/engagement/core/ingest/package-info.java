/**
 * Ingestion: the channel-adapter SPI that turns a source's records into interactions, and the importer
 * that drives an adapter and accounts for every record.
 *
 * <p>Integrators implement {@link org.engagement.core.ingest.ChannelAdapter} (and its
 * {@link org.engagement.core.ingest.RecordReader}); hosts run imports with
 * {@link org.engagement.core.ingest.InteractionImporter} and get an
 * {@link org.engagement.core.ingest.ImportReport} in which
 * {@code read == accepted + rejected + duplicates} always holds. Whatever an adapter throws is contained
 * and reported, except the few errors no library may hold back (the rule is in
 * {@link org.engagement.core.ingest.InteractionImporter}'s class comment). The reference CSV adapter lives in
 * {@code org.engagement.core.ingest.csv}.
 */
@NullMarked
package org.engagement.core.ingest;

import org.jspecify.annotations.NullMarked;
