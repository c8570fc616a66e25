/**
 * The reference CSV adapter for interactions, the matching writer, and the CSV reading that every other
 * file format of the SDK is built on.
 *
 * <p>See {@link org.engagement.core.ingest.csv.CsvInteractionAdapter} for the interaction columns and rules.
 * Records are read by {@link org.engagement.core.ingest.csv.CsvRows} (RFC 4180: quoted fields, embedded
 * separators, quotes and line breaks), tables with a header by {@link org.engagement.core.ingest.csv.CsvTable};
 * writing uses Jackson's streaming CSV generator. Reading streams: a file of any size is read in memory
 * bounded by the record-length limit.
 *
 * <h2 id="policy">The reading policy</h2>
 * Every CSV reader of the SDK follows the same rules: interactions and conversation feeds, ChannelAttribution
 * path files, transactions, repeat-buying summaries, costs, survey answers, key messages and brands.
 * <ul>
 *   <li><b>Encoding.</b> UTF-8; a byte-order mark at the start is dropped. Bytes that are not UTF-8 make the
 *       record holding them rejected, naming the line, the byte offset and that the file must be UTF-8 (when
 *       the reader is given bytes; given a {@link java.io.Reader}, it can only see the replacement character
 *       U+FFFD, and a {@code Reader} that fails to decode stops the reading with the line).</li>
 *   <li><b>Header.</b> One header row names the columns, matched ignoring case and surrounding white space,
 *       in any order. A name given twice refuses the file; so does a missing required column. Columns a
 *       reader does not know are ignored (the interaction adapter keeps them as attributes).</li>
 *   <li><b>Fields.</b> Every record has as many fields as the header: more or fewer is a rejected record,
 *       never cells silently dropped or made up. Values are trimmed of surrounding white space (the
 *       interaction's {@code text} is kept as it is).</li>
 *   <li><b>Control characters.</b> A field holding a C0 control character other than tab (line breaks only
 *       inside quotes), DEL or a C1 control (U+0080 to U+009F) makes the record rejected: nothing is
 *       stripped silently ({@code c1\0} is not {@code c1}).</li>
 *   <li><b>Numbers.</b> One syntax ({@link org.engagement.core.domain.NumberSyntax}): ASCII digits only,
 *       with optional sign, fraction and exponent, at most 100 characters; finite; each reader states the
 *       range it accepts and the message says it (for example {@code must be a whole number from 0 to
 *       2147483647}).</li>
 *   <li><b>Limits.</b> A field of at most {@value org.engagement.core.ingest.csv.CsvPolicy#DEFAULT_MAX_FIELD_LENGTH}
 *       characters and a record of at most {@value org.engagement.core.ingest.csv.CsvPolicy#DEFAULT_MAX_RECORD_LENGTH}
 *       by default ({@link org.engagement.core.ingest.csv.CsvPolicy}), enforced while reading: text over a
 *       limit is counted, not kept.</li>
 *   <li><b>Broken records.</b> A record that cannot be parsed is rejected and reading resynchronises: text
 *       after a closing quote rejects the record; a quote that spans lines is taken for a stray quote when its
 *       record runs past the record limit, when it runs to the end of the file or text follows its closing
 *       quote, or when its record is rejected for any other reason (the wrong number of fields, a control
 *       character, bytes that are not UTF-8, a field over the limit, a value its reader refuses) and a later
 *       line of the record, not blank, reads as a record of the header's number of fields; the record is then
 *       cut at the end of the quote's line and reading goes on with the next line. So the rows after a stray
 *       quote are read again, unless a second stray quote closes it into a record that is valid as a whole
 *       (RFC 4180 cannot tell that from a field with line breaks); a record over the limit on one line is
 *       skipped to the line's end. A read never returns part of a
 *       file as if it were the whole: what cannot be read to the end throws, saying from where.</li>
 *   <li><b>Messages.</b> Each rejection names the line, the column, the value and the rule, in one shape:
 *       {@code costs.csv:7: column 'amount' value '1２' is invalid: must be a decimal number in ASCII digits,
 *       such as 12.5} ({@link org.engagement.core.ingest.Rejection#message(String)}); values are cut to 80
 *       characters and control characters are shown escaped (<code>&#92;u001B</code>), so no input can drive the
 *       terminal or forge a log line.</li>
 * </ul>
 */
@NullMarked
package org.engagement.core.ingest.csv;

import org.jspecify.annotations.NullMarked;
