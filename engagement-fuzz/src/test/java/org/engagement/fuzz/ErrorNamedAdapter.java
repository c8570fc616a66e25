package org.engagement.fuzz;

import java.io.InputStream;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.RecordReader;

/** A discoverable adapter (see this module's service file) whose {@code name()} throws an error. */
public final class ErrorNamedAdapter implements ChannelAdapter {
  /** For the service loader. */
  public ErrorNamedAdapter() {}

  @Override
  public String name() {
    throw new NoClassDefFoundError("com/example/Missing");
  }

  @Override
  public RecordReader open(InputStream input) {
    throw new UnsupportedOperationException("never opened");
  }
}
