package org.engagement.core.ingest.csv;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/**
 * The records of a CSV document, one at a time, with the line each starts on: the one place the SDK reads
 * CSV text and so the one place that enforces the {@linkplain org.engagement.core.ingest.csv reading
 * policy}, for adapters and for the other file formats built on CSV (path files, transactions, summaries,
 * costs, survey answers).
 *
 * <p>RFC 4180: quoted fields may hold separators, doubled quotes and line breaks; spaces and tabs around a
 * quoted field are ignored; a quote inside an unquoted field is an ordinary character. Line breaks are
 * {@code \n}, {@code \r\n} or {@code \r}. Empty lines and lines of only spaces and tabs are not records,
 * and line numbers stay those of the text. A byte-order mark before the first field is dropped.
 *
 * <p>Every record comes out, well-formed or not: {@link #next} returns its line, and {@link #problem()}
 * says what, if anything, is wrong with it (the first problem found), so the caller rejects it and reads
 * on. A record is at fault when a field holds a control character, bytes that are not UTF-8 or more than
 * {@link CsvPolicy#maxFieldLength()} characters, when text follows a closing quote, when the record is
 * longer than {@link CsvPolicy#maxRecordLength()}, when it has another number of fields than
 * {@link #expectFields expected}, or when a quote is never closed. Reading resynchronises after a bad
 * record: a quoted field that runs over line breaks is taken for a stray quote when its record runs past
 * the record-length limit, when it runs to the end of the input or is followed by text after its closing
 * quote, or when its record is at fault in any other way (the wrong number of fields, a control character,
 * bytes that are not UTF-8, a field over the limit) and a line after the quote's line, within the record
 * and not blank, reads as a record of the expected number of fields. The record is then cut at the end of
 * the line where its first quoted line break is, if a line after it reads as a record, else where the quote
 * at fault opened, and the lines after the cut are read again as records. A record too long on one line is
 * skipped to its line's end without being kept in memory.
 *
 * <p>Only two things end the reading early: an {@link IOException} of the input, and text that a
 * {@link Reader} given by the caller could not decode (then an {@link InvalidSourceException} names the
 * line; open the rows over the {@link InputStream} instead to have such records rejected one by one with
 * their byte offsets).
 *
 * <p>Not thread-safe. Closing closes the underlying input; reaching the end does not.
 *
 * @since 0.1.0
 */
public final class CsvRows implements Closeable {
  private static final int CHUNK = 1 << 16;
  /** {@link #plainLineEnd()}'s answer when the line does not end within the buffer. */
  private static final int NEED_MORE = -2;
  /** The columns whose repeated values are kept (4 KB each): enough for any interactions file. */
  private static final int KEPT_COLUMNS = 64;

  private final Reader input;
  private final @Nullable Utf8Input utf8;
  private final char separator;
  private final int maxField;
  private final int maxRecord;

  private char[] buf = new char[CHUNK];
  /** The first character of the current record: the buffer keeps everything from here on. */
  private int start;
  private int pos;
  private int limit;
  /** The index in the whole text of {@code buf[0]}. */
  private long bufOffset;
  private boolean eof;
  private boolean atDocumentStart = true;
  /** The line of {@code buf[pos]}. */
  private long line = 1;
  private int expectedFields = -1;
  private @Nullable Problem problem;
  /** Whether plain records are read in one pass ({@link #plainRecord}); off only to check that pass. */
  private boolean plainPass = true;

  /**
   * Per column, the values it repeats, so that plain records share one string per repeated value (see {@link
   * RepeatedValues}); grown to the widest plain record.
   */
  private RepeatedValues[] repeated = new RepeatedValues[0];
  /** The separators' indexes in {@link #buf} on the line {@link #plainLineEnd()} found plain. */
  private int[] separators = new int[32];
  private int separatorCount;
  /** The line break ending the record {@link #peekPlain()} found plain, or -1 if none is peeked. */
  private int plainEnd = -1;

  /** The state of the record being read. */
  private final RecordState record = new RecordState();

  private CsvRows(Reader input, @Nullable Utf8Input utf8, char separator, CsvPolicy policy) {
    if (separator == '"' || separator == '\n' || separator == '\r') {
      throw new InvalidFieldException("separator", String.valueOf(separator),
          "must not be a quote or a line break");
    }
    this.input = input;
    this.utf8 = utf8;
    this.separator = separator;
    this.maxField = policy.maxFieldLength();
    this.maxRecord = policy.maxRecordLength();
  }

  /** Comma-separated records of {@code input}, with the {@linkplain CsvPolicy#defaults() default limits}. */
  public static CsvRows open(Reader input) {
    return open(input, ',');
  }

  /** Records of {@code input} whose fields are separated by {@code separator}, with the default limits. */
  public static CsvRows open(Reader input, char separator) {
    return open(input, separator, CsvPolicy.defaults());
  }

  /**
   * Records of {@code input} whose fields are separated by {@code separator}, within {@code policy}'s limits.
   *
   * @throws InvalidFieldException if the separator is a quote or a line break
   */
  public static CsvRows open(Reader input, char separator, CsvPolicy policy) {
    requireNonNull(input, "input");
    requireNonNull(policy, "policy");
    return new CsvRows(input, null, separator, policy);
  }

  /**
   * Records of the UTF-8 bytes of {@code input} whose fields are separated by {@code separator}, within
   * {@code policy}'s limits. Bytes that are not UTF-8 make the record holding them rejected, with their byte
   * offset; they never stop the reading.
   *
   * @throws InvalidFieldException if the separator is a quote or a line break
   */
  public static CsvRows open(InputStream input, char separator, CsvPolicy policy) {
    requireNonNull(input, "input");
    requireNonNull(policy, "policy");
    Utf8Input text = new Utf8Input(input);
    return new CsvRows(text, text, separator, policy);
  }

  /**
   * Sets how many fields every record from now on must have (the header's); a record with more or fewer
   * is at fault, and a quote that spans lines in such a record is taken for a stray quote (see the class
   * comment).
   *
   * @throws InvalidFieldException if {@code count < 1}
   */
  public void expectFields(int count) {
    if (count < 1) {
      throw new InvalidFieldException("count", count, "must be at least 1");
    }
    this.expectedFields = count;
  }

  /**
   * Reads every record character by character, as the general loop does, never in one pass: the reference
   * that the one-pass reading of plain records is checked against.
   */
  void readCharacterByCharacter() {
    plainPass = false;
  }

  /**
   * Reads the next record that is not blank into {@code row} (cleared first). When the record is at fault
   * ({@link #problem()} is not empty), {@code row} holds what could be read of it and should not be used.
   *
   * @return the line the record starts on, counting from 1, or {@code -1} at the end of the document
   * @throws InvalidSourceException if a {@link Reader} given by the caller cannot decode the text
   * @throws IOException if reading fails
   */
  public long next(List<String> row) throws IOException {
    requireNonNull(row, "row");
    try {
      while (true) {
        long recordLine = readRecord(row);
        if (recordLine < 0 || problem != null || !record.blank()) {
          return recordLine;
        }
      }
    } catch (CharacterCodingException e) {
      throw new InvalidSourceException("line " + line + ": the text from here on could not be decoded ("
          + e.getClass().getSimpleName() + "; is the file UTF-8?), so the records from line " + line
          + " on were not read; read the file as bytes to have such records rejected one by one", line, e);
    }
  }

  /** What is wrong with the record {@link #next} returned last, or {@code null} if it is well-formed. */
  public @Nullable Problem problem() {
    return problem;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }

  /**
   * What is wrong with one record: the first fault found in it.
   *
   * @param column the field at fault, counting from 0, or -1 if the record as a whole is
   * @param value the field as it may be shown (cut and {@linkplain InvalidFieldException#shorten escaped}),
   *     or {@code null} for a fault of the whole record
   * @param rule the rule the record breaks
   * @since 0.1.0
   */
  public record Problem(int column, @Nullable String value, String rule) {
    /** Requires the rule. */
    public Problem {
      requireNonNull(rule, "rule");
    }

    /**
     * The rejection of the record at {@code position}, its field named after the header's column.
     *
     * @param header the header's names, in order
     */
    public Rejection rejection(SourcePosition position, List<String> header) {
      return new Rejection(position, Rejection.Kind.INVALID, column < 0 ? null : columnName(header), value, rule);
    }

    /** The fault of the header row on {@code line} as the failure of the whole source. */
    public InvalidSourceException inHeader(long line) {
      String what = column < 0 ? rule
          : "header column " + (column + 1) + (value == null ? "" : " '" + value + "'") + " is invalid: " + rule;
      return new InvalidSourceException("line " + line + ": " + what);
    }

    private String columnName(List<String> header) {
      String name = column < header.size() ? header.get(column).strip() : "";
      return name.isEmpty() ? "column " + (column + 1) : name;
    }
  }

  /** Reads one record; returns its line, or -1 at the end of the text. */
  private long readRecord(List<String> row) throws IOException {
    row.clear();
    problem = null;
    if (atDocumentStart) {
      atDocumentStart = false;
      if (available() && buf[pos] == '\uFEFF') {
        pos++;
      }
    }
    start = pos;
    if (utf8 != null) {
      utf8.forget(bufOffset + start);
    }
    if (!available()) {
      return -1;
    }
    RecordState r = record;
    r.reset(line);
    if (plainPass && plainRecord(row)) {
      return r.line;
    }
    while (true) {
      if (!available()) {
        if (r.inQuote) {
          unclosedQuoteAtEnd(row);
          return r.line;
        }
        endField(row);
        break;
      }
      char c = buf[pos++];
      if (!r.inQuote && (c == '\n' || c == '\r')) {
        lineBreak(c);
        endField(row);
        break;
      }
      if (++r.length > maxRecord && !r.skipping && tooLong(row)) {
        return r.line;
      }
      if (r.inQuote) {
        if (quotedChar(c, row)) {
          return r.line;
        }
      } else if (c == separator) {
        endField(row);
        r.field++;
        r.beginField(pos - start);
      } else if (unquotedChar(c)) {
        return r.line;
      }
    }
    endRecord(row);
    return r.line;
  }

  /**
   * Reads the record at {@code pos} in one pass if it is plain: a whole line in the buffer, no quote but around
   * a whole field on the line (see {@link #plainLineEnd()}), no carriage return other than in a line break, no character {@link #check} would note, within the limits
   * and, when a field count is expected, with that many fields (or blank). Such a record reads the same
   * character by character, so the general loop is left for the others; when this answers {@code false},
   * nothing has been consumed and {@code row} is empty.
   */
  private boolean plainRecord(List<String> row) throws IOException {
    int end = plainLineEnd();
    while (end == NEED_MORE) {
      if (limit - start > buf.length / 2 || !fill()) {
        return false;
      }
      end = plainLineEnd();
    }
    if (end < 0) {
      return false;
    }
    int[] at = separators;
    int fields = separatorCount + 1;
    int maxFieldSeen = 0;
    int fieldStart = pos;
    for (int f = 0; f < fields - 1; f++) {
      maxFieldSeen = Math.max(maxFieldSeen, at[f] - fieldStart);
      fieldStart = at[f] + 1;
    }
    maxFieldSeen = Math.max(maxFieldSeen, end - fieldStart);
    boolean blank = fields == 1 && blank(pos, end);
    if (maxFieldSeen > maxField || end - pos > maxRecord || (!blank && expectedFields > 0 && fields != expectedFields)) {
      return false;
    }
    char[] b = buf;
    RepeatedValues[] repeated = columns(fields);
    fieldStart = pos;
    for (int f = 0; f < fields - 1; f++) {
      row.add(field(repeated[f], fieldStart, at[f]));
      fieldStart = at[f] + 1;
    }
    row.add(field(repeated[fields - 1], fieldStart, end));
    record.field = fields - 1;
    record.blankSoFar = blank;
    pos = end + (b[end] == '\r' ? 2 : 1);
    line++;
    return true;
  }

  /**
   * Whether the next record is plain (see {@link #plainRecord}), not blank and has the {@linkplain #expectFields
   * expected} number of fields, found without reading it: if so, its fields are at hand ({@link #plainBuffer()},
   * {@link #plainFieldStart}, {@link #plainFieldLength}, {@link #plainField}) until {@link #takePlain()} reads it or
   * {@link #next} reads it as usual; if not, nothing is consumed and {@link #next} reads it. So a caller takes
   * plain records straight from the buffer (issue 16) and leaves every other record, and the end, to {@code next}.
   *
   * @throws IOException if reading fails
   */
  boolean peekPlain() throws IOException {
    plainEnd = -1;
    if (!plainPass || expectedFields < 1 || atDocumentStart) {
      return false;
    }
    problem = null;
    start = pos;
    if (utf8 != null) {
      utf8.forget(bufOffset + start);
    }
    int end = plainLineEnd();
    while (end == NEED_MORE) {
      if (limit - start > buf.length / 2 || !fill()) {
        return false;
      }
      end = plainLineEnd();
    }
    if (end < 0 || separatorCount + 1 != expectedFields || end - pos > maxRecord
        || (separatorCount == 0 && blank(pos, end))) {
      return false;
    }
    int[] at = separators;
    int fieldStart = pos;
    for (int f = 0; f < separatorCount; f++) {
      if (at[f] - fieldStart > maxField) {
        return false;
      }
      fieldStart = at[f] + 1;
    }
    if (end - fieldStart > maxField) {
      return false;
    }
    plainEnd = end;
    return true;
  }

  /** The buffer holding the record {@link #peekPlain()} found plain; valid until the next read. */
  char[] plainBuffer() {
    return buf;
  }

  /** Where field {@code f} of the peeked plain record starts in {@link #plainBuffer()}: inside its quotes if quoted. */
  int plainFieldStart(int f) {
    int from = f == 0 ? pos : separators[f - 1] + 1;
    int end = f == separatorCount ? plainEnd : separators[f];
    return end > from && buf[from] == '"' ? from + 1 : from;
  }

  /** The length of field {@code f} of the peeked plain record, without its quotes. */
  int plainFieldLength(int f) {
    int from = f == 0 ? pos : separators[f - 1] + 1;
    int end = f == separatorCount ? plainEnd : separators[f];
    return end > from && buf[from] == '"' ? end - from - 2 : end - from;
  }

  /** Where field {@code f} of the peeked plain record starts in {@link #plainBuffer()}, with its quotes if quoted. */
  int plainRawStart(int f) {
    return f == 0 ? pos : separators[f - 1] + 1;
  }

  /** Where field {@code f} of the peeked plain record ends in {@link #plainBuffer()}, after its quotes if quoted. */
  int plainRawEnd(int f) {
    return f == separatorCount ? plainEnd : separators[f];
  }

  /** Field {@code f} of the peeked plain record as {@link #next} would give it (a repeated value shared). */
  String plainField(int f) {
    int from = f == 0 ? pos : separators[f - 1] + 1;
    int end = f == separatorCount ? plainEnd : separators[f];
    return field(columns(separatorCount + 1)[f], from, end);
  }

  /** Reads the record {@link #peekPlain()} found plain, as {@link #next} would have; returns its line. */
  long takePlain() {
    if (plainEnd < 0) {
      throw new IllegalStateException("no plain record was peeked");
    }
    long recordLine = line;
    pos = plainEnd + (buf[plainEnd] == '\r' ? 2 : 1);
    line++;
    plainEnd = -1;
    return recordLine;
  }

  /** The text of the plain field {@code buf[from .. end)}: inside its quotes if it is quoted. */
  private String field(RepeatedValues values, int from, int end) {
    return end > from && buf[from] == '"' ? values.of(buf, from + 1, end - from - 2) : values.of(buf, from, end - from);
  }

  /** Whether {@code buf[from .. end)} holds only spaces and tabs. */
  private boolean blank(int from, int end) {
    for (int i = from; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * The repeated values of the first {@code count} columns, made as records with more columns come; columns
   * after the first {@value #KEPT_COLUMNS} keep none.
   */
  private RepeatedValues[] columns(int count) {
    RepeatedValues[] repeated = this.repeated;
    if (repeated.length < count) {
      int had = repeated.length;
      repeated = Arrays.copyOf(repeated, count);
      for (int i = had; i < count; i++) {
        repeated[i] = i < KEPT_COLUMNS ? new RepeatedValues() : RepeatedValues.NONE;
      }
      this.repeated = repeated;
    }
    return repeated;
  }

  /**
   * The index of the line break ending the line at {@code pos} if the line is plain (see {@link
   * #plainRecord}), -1 if it is not, or {@link #NEED_MORE} if the buffer ends first; the separators on a plain
   * line are left in {@link #separators} (their count in {@link #separatorCount}). A field quoted from its first
   * to its last character, with no quote or line break inside, is plain: exports quote names with spaces
   * ({@code "Partner referrals"}), and such a field reads the same in one pass.
   */
  private int plainLineEnd() {
    char[] b = buf;
    int n = limit;
    char sep = separator;
    int[] at = separators;
    int count = 0;
    int fieldStart = pos;
    boolean quoted = false;
    for (int i = pos; i < n; i++) {
      char c = b[i];
      if (c > '"' && c < 0x7F && (c != sep || quoted)) {
        continue; // most characters: printable ASCII after the quote, and not a separator that ends a field
      }
      if (quoted) {
        if (c == '"') {
          if (i + 1 == n) {
            return NEED_MORE;
          }
          char next = b[i + 1];
          if (next != sep && next != '\n' && next != '\r') {
            return -1;
          }
          quoted = false;
        } else if ((c < 0x20 && c != '\t') || (c >= 0x7F && (c <= 0x9F || c == '\uFFFD'))) {
          return -1;
        }
      } else if (c == sep) {
        if (count == at.length) {
          at = Arrays.copyOf(at, count * 2);
          separators = at;
        }
        at[count++] = i;
        fieldStart = i + 1;
      } else if (c >= 0x20 && c < 0x7F) {
        if (c == '"') {
          if (i != fieldStart) {
            return -1;
          }
          quoted = true;
        }
      } else if (c == '\n') {
        separatorCount = count;
        return i;
      } else if (c == '\r') {
        separatorCount = count;
        return i + 1 == n ? NEED_MORE : b[i + 1] == '\n' ? i : -1;
      } else if (c < 0x20 ? c != '\t' : (c <= 0x9F || c == '\uFFFD')) {
        return -1;
      }
    }
    return NEED_MORE;
  }

  /** One character inside quotes; returns whether the record ended here (skipping an over-long record). */
  private boolean quotedChar(char c, List<String> row) throws IOException {
    RecordState r = record;
    if (c == '"') {
      if (available() && buf[pos] == '"') {
        pos++;
        r.length++;
        content(c);
      } else {
        r.inQuote = false;
        r.afterQuote = true;
      }
      return false;
    }
    if (c == '\n' || c == '\r') {
      if (r.skipping) {
        lineBreak(c);
        endField(row);
        endRecord(row);
        return true;
      }
      String before = r.shown(buf, start);
      content(c);
      if (lineBreak(c)) {
        content('\n');
      }
      if (r.fieldBreak < 0) {
        r.fieldBreak = pos - start;
        r.fieldBreakLine = line;
        r.fieldBreakValue = before;
        if (r.firstBreak < 0) {
          r.firstBreak = r.fieldBreak;
          r.firstBreakLine = line;
          r.firstBreakColumn = r.field;
          r.firstBreakValue = before;
        }
      }
      return false;
    }
    check(c);
    content(c);
    return false;
  }

  /**
   * One character outside quotes that is neither a separator nor a line break; returns whether the record
   * ended here (cut after a stray quote).
   */
  private boolean unquotedChar(char c) {
    RecordState r = record;
    if (r.afterQuote) {
      if (c == ' ' || c == '\t') {
        return false;
      }
      if (r.fieldBreak >= 0 && !r.skipping) {
        cutAtStrayQuoteOrHere();
        return true;
      }
      violation(r.field, "has text after its closing quote; quote the whole field and double the quotes in it");
      r.afterQuote = false;
    } else if (c == '"' && r.blankSoFar && !r.quoted) {
      r.inQuote = true;
      r.quoted = true;
      r.fieldLength = 0;
      r.text.setLength(0);
      return false;
    }
    if (c != ' ' && c != '\t') {
      r.blankSoFar = false;
    }
    check(c);
    content(c);
    return false;
  }

  /** Consumes the rest of a line break that began with {@code c}; returns whether it was {@code \r\n}. */
  private boolean lineBreak(char c) throws IOException {
    line++;
    if (c == '\r' && available() && buf[pos] == '\n') {
      pos++;
      return true;
    }
    return false;
  }

  /** Adds a character to the current field, keeping it only within the field limit. */
  private void content(char c) {
    RecordState r = record;
    r.fieldLength++;
    if (!r.keeping) {
      return;
    }
    if (r.fieldLength > maxField) {
      r.stopKeeping(buf, start);
      violation(r.field, "must be at most " + maxField + " characters");
      return;
    }
    if (r.quoted) {
      r.text.append(c);
    }
  }

  /** Records a control character or a replacement character in the current field. */
  private void check(char c) {
    boolean suspicious = c < 0x20 ? c != '\t' : (c >= 0x7F && c <= 0x9F) || c == '\uFFFD';
    if (!suspicious) {
      return;
    }
    if (c == '\uFFFD') {
      long at = utf8 == null ? -2 : utf8.byteOffsetOfReplacement(bufOffset + pos - 1);
      if (at == -2) {
        violation(record.field, "contains U+FFFD, the mark of bytes that were not valid UTF-8; the file must be UTF-8");
      } else if (at >= 0) {
        violation(record.field, "is not valid UTF-8: bad bytes at byte offset " + at + "; the file must be UTF-8");
      }
      return;
    }
    violation(record.field, "must not contain control characters (found U+"
        + String.format(Locale.ROOT, "%04X", (int) c) + ")");
  }

  /** Notes the first fault of the record: in field {@code column}, or of the whole record if -1. */
  private void violation(int column, String rule) {
    RecordState r = record;
    if (r.rule == null && !r.skipping) {
      r.rule = rule;
      r.ruleColumn = column;
    }
  }

  private void endField(List<String> row) {
    RecordState r = record;
    if (r.skipping) {
      if (r.ruleColumn == r.field && r.rule != null && r.ruleValue == null) {
        r.ruleValue = r.shown(buf, start);
      }
      return;
    }
    String text = r.keeping ? r.quoted ? r.text.toString() : new String(buf, start + r.fieldStart, r.fieldLength) : "";
    if (r.ruleColumn == r.field && r.rule != null && r.ruleValue == null) {
      r.ruleValue = r.keeping ? InvalidFieldException.shorten(text) : r.shown(buf, start);
    }
    row.add(text);
  }

  private void endRecord(List<String> row) {
    RecordState r = record;
    String rule = r.rule;
    if (rule != null) {
      if (cutAtStrayQuote()) {
        return;
      }
      problem = new Problem(r.ruleColumn, r.ruleColumn < 0 ? null : r.ruleValue, rule);
      return;
    }
    if (r.skipping) {
      problem = new Problem(-1, null, "record is " + r.length + " characters long; the limit is " + maxRecord);
      return;
    }
    if (expectedFields > 0 && row.size() != expectedFields && !r.blank()) {
      if (cutAtStrayQuote()) {
        return;
      }
      problem = new Problem(-1, null, "record has " + row.size() + " fields; the header has " + expectedFields);
    }
  }

  /**
   * Over the record limit: if the record has a line break inside quotes, cut it at a stray quote (see
   * {@link #cutAtStrayQuoteOrHere}); else skip to the end of the line.
   */
  private boolean tooLong(List<String> row) {
    RecordState r = record;
    if (r.firstBreak >= 0) {
      cutAtStrayQuoteOrHere();
      return true;
    }
    r.stopKeeping(buf, start);
    r.skipping = true;
    row.clear();
    return false;
  }

  /** The end of the text inside quotes: a stray quote, cut at its line's end if it spans lines. */
  private void unclosedQuoteAtEnd(List<String> row) {
    RecordState r = record;
    if (r.fieldBreak >= 0 && !r.skipping) {
      cutAtStrayQuoteOrHere();
      return;
    }
    violation(r.field, "opens a quote that is never closed");
    endField(row);
    endRecord(row);
  }

  /**
   * Reconsiders the record {@link #next} returned last, well-formed under the policy, after the caller
   * rejected one of its values: if a quoted field of it spans lines and a line after that field's first
   * line break (within the record, not blank) reads as a record with the {@linkplain #expectFields expected}
   * number of fields, the quote is taken for a stray one that another stray quote closed, the record is cut
   * at the end of the quote's line, and the lines after are read again by the next call of {@link #next}. So
   * two stray quotes do not hide the rows between them in one rejected record.
   *
   * @return the problem that replaces the caller's reason for rejecting the record, or {@code null} if the
   *     record stands as it was read
   */
  public @Nullable Problem reconsider() {
    return problem == null && cutAtStrayQuote() ? problem : null;
  }

  /**
   * Cuts the record at its first line break inside quotes if a line after it, within the record, looks like
   * a record of its own: the quote that opened there was a stray one, and the rows after it are read again.
   */
  private boolean cutAtStrayQuote() {
    RecordState r = record;
    if (r.skipping || r.firstBreak < 0 || expectedFields < 1 || !aLineReadsAsARecord(start + r.firstBreak)) {
      return false;
    }
    cut(r.firstBreak, r.firstBreakLine, r.firstBreakColumn, r.firstBreakValue);
    return true;
  }

  /**
   * Cuts at the record's first stray quote if a line after it reads as a record, else at the current field's
   * first line break inside quotes, or at the record's first if the current field has none.
   */
  private void cutAtStrayQuoteOrHere() {
    RecordState r = record;
    if (cutAtStrayQuote()) {
      return;
    }
    if (r.fieldBreak >= 0) {
      cut(r.fieldBreak, r.fieldBreakLine, r.field, r.fieldBreakValue);
    } else {
      cut(r.firstBreak, r.firstBreakLine, r.firstBreakColumn, r.firstBreakValue);
    }
  }

  /**
   * Whether a line that starts at or after {@code from} and before {@code pos}, and is not blank, reads as a
   * record of the {@linkplain #expectFields expected} number of fields.
   */
  private boolean aLineReadsAsARecord(int from) {
    int i = from;
    while (i < pos) {
      if (!blankLine(i) && fieldsOnLine(i) == expectedFields) {
        return true;
      }
      while (i < pos && buf[i] != '\n' && buf[i] != '\r') {
        i++;
      }
      i += i + 1 < pos && buf[i] == '\r' && buf[i + 1] == '\n' ? 2 : 1;
    }
    return false;
  }

  /** Whether the line that starts at {@code from} holds only spaces and tabs, as the lines that are no records. */
  private boolean blankLine(int from) {
    for (int i = from; i < pos && buf[i] != '\n' && buf[i] != '\r'; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * The number of fields of the line that starts at {@code from} and ends before {@code pos} or at a line
   * break, read as a record of its own; -1 if it is not a clean record: a quote on it is not closed on it, or
   * one stands inside an unquoted field (as the closing quote of a field that began on an earlier line does).
   */
  private int fieldsOnLine(int from) {
    int fields = 1;
    boolean inQuote = false;
    boolean fieldStart = true;
    for (int i = from; i < pos; i++) {
      char c = buf[i];
      if (inQuote) {
        if (c == '"' && i + 1 < pos && buf[i + 1] == '"') {
          i++;
        } else if (c == '"') {
          inQuote = false;
          fieldStart = false;
        } else if (c == '\n' || c == '\r') {
          return -1;
        }
      } else if (c == separator) {
        fields++;
        fieldStart = true;
      } else if (c == '\n' || c == '\r') {
        return fields;
      } else if (c == '"') {
        if (!fieldStart) {
          return -1;
        }
        inQuote = true;
      } else if (c != ' ' && c != '\t') {
        fieldStart = false;
      }
    }
    return inQuote ? -1 : fields;
  }

  /** Ends the record at a line break inside quotes, and reads on from there. */
  private void cut(int breakAt, long breakLine, int column, String value) {
    problem = new Problem(column, value, "opens a quote that is not closed on its line (a stray quote?): the "
        + "record was cut at the end of line " + (breakLine - 1) + " and reading went on with the next line");
    pos = start + breakAt;
    line = breakLine;
  }

  /** Whether a character is available at {@code pos}, reading more text if needed. */
  private boolean available() throws IOException {
    return pos < limit || fill();
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (record.skipping) {
      start = pos;
    }
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, limit - start);
      bufOffset += start;
      pos -= start;
      limit -= start;
      start = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = 0;
    while (n == 0) {
      n = input.read(buf, limit, buf.length - limit);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  /** The mutable state of the record being read, reused from record to record. */
  private static final class RecordState {
    long line;
    long length;
    int field;
    boolean skipping;
    // the current field
    int fieldStart;
    int fieldLength;
    boolean quoted;
    boolean inQuote;
    boolean afterQuote;
    boolean blankSoFar;
    boolean keeping;
    final StringBuilder text = new StringBuilder();
    @Nullable String prefix;
    // the first fault
    @Nullable String rule;
    int ruleColumn;
    @Nullable String ruleValue;
    // line breaks inside quotes, as offsets from the record's start: the current field's first, the record's first
    int fieldBreak;
    long fieldBreakLine;
    String fieldBreakValue = "";
    int firstBreak;
    long firstBreakLine;
    int firstBreakColumn;
    String firstBreakValue = "";

    void reset(long startLine) {
      line = startLine;
      length = 0;
      field = 0;
      skipping = false;
      rule = null;
      ruleColumn = -1;
      ruleValue = null;
      firstBreak = -1;
      beginField(0);
    }

    void beginField(int offset) {
      fieldStart = offset;
      fieldLength = 0;
      quoted = false;
      inQuote = false;
      afterQuote = false;
      blankSoFar = true;
      keeping = !skipping;
      prefix = null;
      fieldBreak = -1;
      text.setLength(0);
    }

    /** Stops keeping the current field's text; its first characters are kept for messages. */
    void stopKeeping(char[] buf, int recordStart) {
      if (keeping) {
        int shown = Math.min(fieldLength, InvalidFieldException.MAX_SHOWN);
        prefix = quoted ? text.substring(0, Math.min(shown, text.length()))
            : new String(buf, recordStart + fieldStart, shown);
        keeping = false;
      }
    }

    /** The current field as a message shows it: cut and escaped, with its length when not kept. */
    String shown(char[] buf, int recordStart) {
      if (keeping) {
        return InvalidFieldException.shorten(quoted ? text.toString() : new String(buf, recordStart + fieldStart, fieldLength));
      }
      String first = prefix == null ? "" : prefix;
      return InvalidFieldException.escape(first) + "... (" + fieldLength + " characters)";
    }

    /** Whether the record is one unquoted field of spaces and tabs at most, with no fault: a blank line. */
    boolean blank() {
      return field == 0 && !quoted && blankSoFar && rule == null && !skipping;
    }
  }
}
