package org.engagement.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.engagement.json.EngagementJson;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.ChannelEffect;
import org.engagement.roi.mix.MixModel;

/**
 * {@code mix --format json}: {@code {"resamples": N, "channels": [<channel effect>, ...], "plan": <budget
 * plan>}}, each in the SDK's documented form ({@link EngagementJson}): the per-channel rows of the CSV output
 * with their intervals, and the budget section of the text output. Stateless.
 */
final class MixJson {
  private MixJson() {}

  /** The document of {@code model} and {@code plan}, as the command prints it. */
  static String text(MixModel model, BudgetPlan plan) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("resamples", model.resamples());
    ArrayNode channels = json.putArray("channels");
    for (ChannelEffect effect : model.effects()) {
      channels.add(EngagementJson.writeTree(effect));
    }
    json.set("plan", EngagementJson.writeTree(plan));
    try {
      return JsonOutput.text(json);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always writes to a string", e);
    }
  }
}
