package org.engagement.json;

import com.fasterxml.jackson.databind.module.SimpleModule;
import org.engagement.json.internal.Forms;

/**
 * The SDK's JSON forms as one Jackson module, for a host that has an {@code ObjectMapper} of its own:
 * {@code mapper.registerModule(new EngagementJsonModule())} and the mapper writes and reads every type
 * {@link EngagementJson} documents, in the same form. Through a mapper, a value that breaks a rule arrives as
 * Jackson's {@code JsonMappingException} whose cause is the SDK's
 * {@link org.engagement.core.domain.InvalidFieldException}.
 *
 * <p>Stateless once made; register it before the mapper is shared, as Jackson requires of any module.
 *
 * @since 0.1.0
 */
public final class EngagementJsonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The module with every form. */
  public EngagementJsonModule() {
    super("engagement-json");
    Forms.register(this);
  }
}
