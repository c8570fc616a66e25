package org.engagement.integration.adapter;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.RecordReader;

/**
 * Reads social events written one per line as {@code customer|instant|type|network|event id}, for example
 * {@code cust-1|2024-03-01T10:15:30Z|like|mastodon|ev-1}. The network becomes an organic-social channel; the
 * event id, when present, is the interaction's source id. Blank lines are not records.
 *
 * <p>Stateless, so thread-safe: each reader keeps its own position.
 */
public final class SocialPipeAdapter implements ChannelAdapter {
  /** The adapter's name. */
  public static final String NAME = "social-pipe";

  /** The adapter; public and without arguments, as {@link java.util.ServiceLoader} needs it. */
  public SocialPipeAdapter() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RecordReader open(InputStream input) {
    return new SocialPipeReader(new BufferedReader(new InputStreamReader(input, UTF_8)));
  }
}
