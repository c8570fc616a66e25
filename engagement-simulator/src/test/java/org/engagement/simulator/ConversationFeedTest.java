package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.conversation.message.MessageMatcher;
import org.engagement.core.conversation.service.RetentionGroups;
import org.engagement.core.conversation.service.ServiceLedger;
import org.engagement.core.conversation.service.ServiceReport;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation feed: well-formed, consistent with the people's lives, and with something to find. */
class ConversationFeedTest {
  private static World world;

  @BeforeAll
  static void generate() {
    world = WorldGenerator.generate(WorldSpec.builder().seed(7).customers(3_000).build());
  }

  @Test
  void everyRowHasContentAndTheRightDirection() {
    List<String> brands = List.of("brightloop", "crestline", "elan systems");
    assertThat(world.conversations()).isNotEmpty().allSatisfy(i -> {
      Content content = i.content();
      assertThat(content).isNotNull();
      assertThat(i.channel().group().id()).endsWith("social");
      switch (i.type()) {
        case MENTION, SHARE -> {
          assertThat(i.direction()).isEqualTo(Direction.INBOUND);
          assertThat(brands).contains(java.text.Normalizer.normalize(content.brand(), java.text.Normalizer.Form.NFD)
              .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT));
          assertThat(content.sentiment()).isBetween(-1.0, 1.0);
          assertThat(content.audience()).isPositive();
        }
        case SUPPORT_REQUEST -> {
          assertThat(i.direction()).isEqualTo(Direction.INBOUND);
          assertThat(content.threadId()).startsWith("case-");
        }
        case REPLY -> {
          assertThat(i.direction()).isEqualTo(Direction.OUTBOUND);
          assertThat(world.spec().conversations().owners()).contains(content.owner());
        }
        default -> throw new AssertionError("unexpected type " + i.type());
      }
    });
  }

  @Test
  void inboundPostsFallWithinTheAuthorsLifeAndRepliesFollowTheirRequest() {
    Map<String, Customer> people = new HashMap<>();
    world.customers().forEach(c -> people.put(c.id(), c));
    Map<String, Interaction> requests = new HashMap<>();
    Instant end = world.spec().endInstant();
    for (Interaction i : world.conversations()) {
      assertThat(i.timestamp()).isBefore(end).isAfterOrEqualTo(world.spec().startInstant());
      Customer person = people.get(i.customerId());
      if (person == null) {
        assertThat(i.customerId()).startsWith("anon-");
        continue;
      }
      if (i.direction() == Direction.INBOUND) {
        assertThat(i.timestamp()).isAfterOrEqualTo(person.firstSeen());
        person.attributes().getInstant("churned_at").ifPresent(left -> assertThat(i.timestamp()).isBefore(left));
      }
      if (i.type() == InteractionType.SUPPORT_REQUEST) {
        requests.put(i.content().threadId(), i);
      } else if (i.type() == InteractionType.REPLY) {
        Interaction request = requests.get(i.content().threadId());
        assertThat(request).isNotNull();
        assertThat(i.timestamp()).isAfter(request.timestamp());
        assertThat(i.customerId()).isEqualTo(request.customerId());
        assertThat(i.channel()).isEqualTo(request.channel());
      }
    }
    assertThat(requests).hasSizeGreaterThan(100);
  }

  /** The second message is a campaign launched halfway: its pull-through rises from about 2% to about 20%. */
  @Test
  void theCampaignMessageIsCarriedMoreAfterTheLaunch() {
    MessageMatcher matcher = MessageMatcher.of(world.spec().conversations().messages());
    MessageMatcher.Scanner scanner = matcher.scanner();
    Instant launch = world.spec().startInstant().atOffset(ZoneOffset.UTC).plusMonths(12).toInstant();
    long[] ours = new long[2];
    long[] carrying = new long[2];
    for (Interaction i : world.conversations()) {
      if ((i.type() == InteractionType.MENTION || i.type() == InteractionType.SHARE)
          && i.content().brand().equals("Brightloop")) {
        int half = i.timestamp().isBefore(launch) ? 0 : 1;
        ours[half]++;
        BitSet found = new BitSet();
        scanner.match(i.content(), found);
        if (found.get(1)) {
          carrying[half]++;
        }
      }
    }
    assertThat((double) carrying[0] / ours[0]).isLessThan(0.06);
    assertThat((double) carrying[1] / ours[1]).isBetween(0.12, 0.26);
  }

  /** Requests of customers about to leave go unresolved more often, so resolved customers are retained more. */
  @Test
  void resolvedCustomersAreRetainedMoreThanUnresolvedOnes() {
    ServiceLedger ledger = ServiceLedger.create().addAll(world.interactions()).addAll(world.conversations());
    RetentionGroups groups = ledger.retention(world.spec().endInstant(), Duration.ofDays(90));
    assertThat(groups.resolved().customers()).isGreaterThan(50);
    assertThat(groups.unresolved().customers()).isGreaterThan(30);
    assertThat(groups.difference()).isGreaterThan(0.1);
    ServiceReport report = ledger.report(Duration.ofHours(24));
    assertThat(report.byOwner().keySet()).containsExactly("anna.k", "ben.o", "chloé.m");
    assertThat(report.overall().answerRate()).isBetween(0.6, 0.95);
    assertThat(report.byOwner().get("anna.k").medianFirstResponse())
        .isLessThan(report.byOwner().get("chloé.m").medianFirstResponse());
  }

  @Test
  void theWrittenFeedReadsBackAsTheSameInteractionsWithTheirMessagesAndBrands(@TempDir Path directory)
      throws IOException {
    WorldSpec spec = WorldSpec.builder().seed(3).customers(300).build();
    WorldWriter.write(spec, directory);
    List<Interaction> read = new ArrayList<>();
    ImportReport report;
    try (InputStream in = Files.newInputStream(directory.resolve(WorldWriter.CONVERSATIONS))) {
      report = InteractionImporter.defaults().run(new CsvInteractionAdapter(), in, read::add);
    }
    assertThat(report.rejected()).isZero();
    Comparator<Interaction> order = Comparator.comparing(Interaction::timestamp)
        .thenComparing(Interaction::customerId).thenComparing(Interaction::type);
    read.sort(order);
    List<Interaction> generated = new ArrayList<>(WorldGenerator.generate(spec).conversations());
    generated.sort(order);
    assertThat(read).isEqualTo(generated);
    assertThat(Files.readAllLines(directory.resolve(WorldWriter.BRANDS)))
        .containsExactly("brand,role", "Brightloop,ours", "Crestline,competitor", "Élan Systems,competitor");
    List<String> messages = Files.readAllLines(directory.resolve(WorldWriter.MESSAGES));
    assertThat(messages).first().isEqualTo("message,phrase,kind");
    // a header, then 4 messages with 2 + 2 + 3 + 3 phrases, one hashtag and one link
    assertThat(messages).hasSize(1 + 10 + 1 + 1)
        .contains("Relationship ROI,RelationshipROI,hashtag", "Connect the dots,brightloop.example/dots,link",
            "Support in minutes,réponse en quelques minutes,phrase");
  }
}
