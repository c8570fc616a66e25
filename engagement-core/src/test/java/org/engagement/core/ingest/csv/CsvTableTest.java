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
    String csv = " Cents ,ITEM,note,item\n"
        + "120, tea ,hot,ignored\n"
        + "abc,cake,,\n" // not a number
        + "\n" // blank lines are skipped, not records
        + "90,,,\n" // no item
        + "75,juice\n"; // short row: the missing cells are empty

    CsvImport<Price> prices = CsvTable.read(new StringReader(csv), "prices.csv", List.of("item", "cents"),
        CsvTableTest::price);

    assertThat(prices.values()).containsExactly(new Price("tea", 120, 1), new Price("juice", 75, 4));
    assertThat(prices.columns()).containsExactlyInAnyOrder("cents", "item", "note");
    assertThat(prices.report().read()).isEqualTo(4);
    assertThat(prices.report().accepted()).isEqualTo(2);
    assertThat(prices.report().rejections()).extracting(Rejection::toString).containsExactly(
        "record 2 (line 3): cents 'abc' is invalid: must be a whole number",
        "record 3 (line 5): item '' is invalid: must not be blank");
    assertThat(prices.report().failureReason()).isEmpty();
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
  void brokenStructureEndsTheReadAsTheImportsFailure() throws IOException {
    String csv = "item,cents\ntea,120\n\"cake,90\n";

    CsvImport<Price> prices = CsvTable.read(new StringReader(csv), "prices.csv", List.of("item", "cents"),
        CsvTableTest::price);

    assertThat(prices.values()).containsExactly(new Price("tea", 120, 1));
    assertThat(prices.report().failureReason()).hasValueSatisfying(reason -> assertThat(reason).contains("line 3"));
  }
}
