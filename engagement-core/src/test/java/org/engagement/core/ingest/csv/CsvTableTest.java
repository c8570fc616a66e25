package org.engagement.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  record Price(String item, int cents, long record) {}

  private static Price price(CsvTable.Row row) {
    String cents = row.require("cents");
    try {
      return new Price(row.require("item"), Integer.parseInt(cents), row.position().record());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("cents", cents, "must be a whole number");
    }
  }

  @Test
  void readsRowsByColumnNameAndReportsEveryRowItCannotUse() throws IOException {
    String csv = " Cents ,ITEM,note\n"
        + "120, tea ,hot\n"
        + "abc,cake,\n" // not a number
        + "\n" // blank lines are skipped, not records
        + "90,,\n" // no item
        + "75,juice,\n";

    CsvImport<Price> prices = CsvTable.read(new StringReader(csv), "prices.csv", List.of("item", "cents"),
        CsvTableTest::price);

    assertThat(prices.values()).containsExactly(new Price("tea", 120, 1), new Price("juice", 75, 4));
    assertThat(prices.columns()).containsExactlyInAnyOrder("cents", "item", "note");
    assertThat(prices.report().read()).isEqualTo(4);
    assertThat(prices.report().accepted()).isEqualTo(2);
    assertThat(prices.report().rejections()).extracting(Rejection::toString).containsExactly(
        "line 3: column 'cents' value 'abc' is invalid: must be a whole number",
        "line 5: column 'item' value '' is invalid: must not be blank");
    assertThat(prices.report().rejections()).extracting(r -> r.message("prices.csv")).containsExactly(
        "prices.csv:3: column 'cents' value 'abc' is invalid: must be a whole number",
        "prices.csv:5: column 'item' value '' is invalid: must not be blank");
    assertThat(prices.report().failureReason()).isEmpty();
  }

  @Test
  void aColumnNamedTwiceRefusesTheFileAndARowWithMoreOrFewerFieldsIsRejected() throws IOException {
    assertThatThrownBy(() -> CsvTable.read(new StringReader("cents,item,note,Item\n1,a,,b\n"), "prices.csv",
        List.of("item", "cents"), CsvTableTest::price))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessage("header column 'item' appears twice (columns 2 and 4)");

    CsvImport<Price> prices = CsvTable.read(new StringReader("cents,item\n1,a,extra\n2\n3,c\n"), "prices.csv",
        List.of("item", "cents"), CsvTableTest::price);
    assertThat(prices.values()).containsExactly(new Price("c", 3, 3));
    assertThat(prices.report().rejections()).extracting(Rejection::toString).containsExactly(
        "line 2: record has 3 fields; the header has 2",
        "line 3: record has 1 fields; the header has 2");
  }

  @Test
  void theHeaderRuleDecidesWhichColumnsAreNeeded() {
    assertThatThrownBy(() -> CsvTable.read(new StringReader("item\ntea\n"), "prices.csv",
        List.of("item", "cents"), CsvTableTest::price))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessage("the header on line 1 lacks the column 'cents'; required: [item, cents]");
    assertThatThrownBy(() -> CsvTable.read(new StringReader(""), "prices.csv", List.of("item"), CsvTableTest::price))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessage("the file is empty: a header row is required");
  }

  @Test
  void aStrayQuoteRejectsItsRowAndReadingResumesOnTheNextLine() throws IOException {
    String csv = "item,cents\ntea,120\n\"cake,90\njuice,75\n";

    CsvImport<Price> prices = CsvTable.read(new StringReader(csv), "prices.csv", List.of("item", "cents"),
        CsvTableTest::price);

    assertThat(prices.values()).containsExactly(new Price("tea", 120, 1), new Price("juice", 75, 3));
    assertThat(prices.report().isComplete()).isTrue();
    assertThat(prices.report().rejections()).singleElement().satisfies(r -> {
      assertThat(r.position().line()).isEqualTo(3);
      assertThat(r.field()).isEqualTo("item");
      assertThat(r.value()).isEqualTo("cake,90");
      assertThat(r.reason()).contains("stray quote");
    });
  }
}
