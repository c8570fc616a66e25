package org.engagement.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;
import org.engagement.json.EngagementJson;

/**
 * JSON text as the commands print it: two-space indents, lines ending in {@code \n} whatever the platform,
 * one document ending in a line feed. The writer is made on first use, so commands that print CSV never load
 * Jackson's databind. Stateless.
 */
final class JsonOutput {
  private JsonOutput() {}

  /** Made on first use (the class-holder idiom); thread-safe. */
  private static final class Holder {
    static final ObjectWriter WRITER = EngagementJson.mapper().writer(new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n")));
  }

  /** {@code json} as the text a command prints. */
  static String text(JsonNode json) throws IOException {
    return Holder.WRITER.writeValueAsString(json) + "\n";
  }

  /** Writes {@code json} to {@code out} as {@link #text(JsonNode)}. */
  static void write(Writer out, JsonNode json) throws IOException {
    out.write(text(json));
  }
}
