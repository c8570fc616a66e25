/**
 * The JSON forms of the SDK's results and saved models, through Jackson.
 *
 * <p>{@link org.engagement.json.EngagementJson} reads and writes every documented form;
 * {@link org.engagement.json.EngagementJsonModule} registers the same forms with a host's own Jackson
 * {@code ObjectMapper}. The domain records carry no Jackson annotation: the forms live in this module only.
 *
 * <p>ROI (and through it attribution, CLV and core) and Jackson's databind are re-exported: the forms are of
 * their types, and a host that registers the module holds an {@code ObjectMapper}.
 */
module org.engagement.json {
  requires transitive org.engagement.roi;
  requires transitive com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;

  exports org.engagement.json;
  exports org.engagement.json.saved;
  exports org.engagement.json.view;
}
