/**
 * What the importer and the module's own readers share beyond the public adapter contract: {@link
 * org.engagement.core.internal.ingest.ColumnRecords} lets a reader add the records it can take whole straight to
 * {@link org.engagement.core.domain.InteractionColumns}, without an {@link org.engagement.core.domain.Interaction}
 * per record, while the importer keeps its accounting (issue 16).
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.core.internal.ingest;
