package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.engagement.core.conversation.message.KeyMessage;
import org.engagement.core.conversation.voice.Brands;
import org.engagement.core.domain.InvalidFieldException;

/**
 * What the social conversation of a simulated world is about: our brand, the competitors it is compared
 * with, the key messages the company wants customers to repeat, and the owners who answer service requests.
 * {@link WorldGenerator} makes the conversation feed from it (the rates are in the package
 * description); {@link WorldWriter} writes the messages and brands beside the feed, so that an analysis reads them
 * from the data rather than from code.
 *
 * <p>Immutable and thread-safe.
 *
 * @param brand our brand's name, as authors write it
 * @param competitors the competitors' names: at least one, distinct from each other and from ours ignoring
 *     case and accents
 * @param messages the key messages: at least one, distinct names; the simulated texts use their phrases,
 *     hashtags and links, sometimes in other case or without their accents
 * @param owners the service agents who answer requests, identifiers without white space: at least one
 * @since 0.1.0
 */
public record ConversationSpec(String brand, List<String> competitors, List<KeyMessage> messages,
    List<String> owners) {

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public ConversationSpec {
    requireNonNull(brand, "brand");
    competitors = List.copyOf(competitors);
    if (competitors.isEmpty()) {
      throw new InvalidFieldException("competitors", competitors, "must name at least one competitor");
    }
    new Brands(brand, competitors);
    messages = List.copyOf(messages);
    if (messages.isEmpty() || messages.stream().map(KeyMessage::name).distinct().count() != messages.size()) {
      throw new InvalidFieldException("messages", messages.size(), "must hold at least one message, names distinct");
    }
    owners = List.copyOf(owners);
    if (owners.isEmpty() || owners.stream().anyMatch(o -> o.isBlank() || o.chars().anyMatch(Character::isWhitespace))) {
      throw new InvalidFieldException("owners", owners, "must hold at least one owner, none blank or with white space");
    }
  }

  /**
   * The default conversation: our brand Brightloop against Crestline and Élan Systems, four key messages
   * (relationship ROI, connect the dots, support in minutes, own your data) with two or three phrases each,
   * some with a hashtag or a link, and three service agents.
   */
  public static ConversationSpec defaults() {
    return new ConversationSpec("Brightloop", List.of("Crestline", "Élan Systems"), List.of(
        KeyMessage.named("Relationship ROI").phrases("Relationship ROI", "relationships, not campaigns")
            .hashtags("RelationshipROI").build(),
        KeyMessage.named("Connect the dots").phrases("connect the dots", "every channel counts")
            .links("brightloop.example/dots").build(),
        KeyMessage.named("Support in minutes").phrases("support in minutes", "réponse en quelques minutes",
            "always answers").build(),
        KeyMessage.named("Own your data").phrases("own your data", "no lock-in", "données sous contrôle").build()),
        List.of("anna.k", "ben.o", "chloé.m"));
  }

  /** Our brand and the competitors, for share of voice. */
  public Brands brands() {
    return new Brands(brand, competitors);
  }

  /** Every brand, ours first. */
  List<String> allBrands() {
    List<String> all = new ArrayList<>(competitors.size() + 1);
    all.add(brand);
    all.addAll(competitors);
    return all;
  }
}
