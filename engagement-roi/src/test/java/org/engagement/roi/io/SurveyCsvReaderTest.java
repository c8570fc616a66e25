package org.engagement.roi.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.junit.jupiter.api.Test;

class SurveyCsvReaderTest {

  @Test
  void keepsBlankAnswersAndRejectsBlankCustomers() throws IOException {
    String csv = "answer,customer_id\n"
        + "\"a blog post, I think\",c1\n"
        + ",c2\n"
        + "a friend,\n";

    CsvImport<SurveyAnswer> answers = SurveyCsvReader.read(new StringReader(csv), "survey.csv");

    assertThat(answers.values()).containsExactly(
        new SurveyAnswer("c1", "a blog post, I think"), new SurveyAnswer("c2", ""));
    assertThat(answers.report().rejected()).isEqualTo(1);
    assertThat(answers.report().rejections().get(0).toString())
        .isEqualTo("line 4: column 'customer_id' value '' is invalid: must not be blank");
  }
}
