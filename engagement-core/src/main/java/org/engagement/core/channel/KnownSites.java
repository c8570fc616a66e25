package org.engagement.core.channel;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import org.jspecify.annotations.Nullable;

/**
 * The site categories of the default rules, and the reading of a source or referrer host against
 * them.
 *
 * <p>Google Analytics 4 sorts sources into search, social, video and shopping sites with a long
 * list of names and host names. This is a shorter list of the sites that send real volumes of
 * traffic; anything missing can be added as a custom rule. Each entry is either a brand, matched
 * against the whole source ({@code google}) or against the brand label of a host ({@code
 * www.google.co.uk}), or a host whose brand label would be ambiguous ({@code t.co}, {@code
 * youtu.be}).
 *
 * <p>All entries are lower case; callers pass values lower-cased with {@link
 * java.util.Locale#ROOT}.
 */
final class KnownSites {

  /** What kind of site a source is, as far as the default rules care. */
  enum Category {
    SEARCH,
    SOCIAL,
    VIDEO,
    SHOPPING
  }

  /** Search engines. */
  static final ImmutableSet<String> SEARCH =
      ImmutableSet.of(
          "google",
          "bing",
          "yahoo",
          "duckduckgo",
          "baidu",
          "yandex",
          "ya.ru",
          "ecosia",
          "ask",
          "aol",
          "naver",
          "daum",
          "seznam",
          "qwant",
          "startpage",
          "sogou",
          "so.com",
          "360.cn",
          "search.brave.com",
          "kagi",
          "mojeek");

  /** Social networks and communities. */
  static final ImmutableSet<String> SOCIAL =
      ImmutableSet.of(
          "facebook",
          "fb",
          "meta",
          "messenger",
          "instagram",
          "ig",
          "linkedin",
          "lnkd.in",
          "twitter",
          "x",
          "t.co",
          "reddit",
          "pinterest",
          "pin.it",
          "tiktok",
          "snapchat",
          "threads",
          "bsky",
          "mastodon",
          "tumblr",
          "quora",
          "discord",
          "vk",
          "weibo",
          "xing",
          "nextdoor");

  /** Video platforms. */
  static final ImmutableSet<String> VIDEO =
      ImmutableSet.of("youtube", "youtu.be", "vimeo", "twitch", "dailymotion", "wistia", "netflix");

  /** Marketplaces and shopping services. */
  static final ImmutableSet<String> SHOPPING =
      ImmutableSet.of(
          "amazon",
          "ebay",
          "etsy",
          "shopify",
          "shop.app",
          "walmart",
          "aliexpress",
          "alibaba",
          "temu",
          "mercadolibre",
          "rakuten",
          "zalando",
          "bol.com",
          "allegro",
          "shopping.google.com");

  /**
   * Referrer host prefixes that name a mobile, link-shim or plain web variant of the same site
   * ({@code l.facebook.com}, {@code lm.facebook.com}).
   */
  private static final ImmutableSet<String> HOST_PREFIXES =
      ImmutableSet.of("www.", "m.", "l.", "lm.");

  /**
   * Second-level labels under country domains that are not the brand ({@code co} in {@code
   * google.co.uk}, {@code com} in {@code amazon.com.br}).
   */
  private static final ImmutableSet<String> SECOND_LEVEL_SUFFIXES =
      ImmutableSet.of("co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "gob");

  private static final ImmutableMap<String, Category> CATEGORY_BY_NAME = byName();

  private KnownSites() {}

  /**
   * The category of a lower-case source name or host, or {@code null} if it is not a known site.
   *
   * <p>Tries the exact value, then the host without a {@linkplain #HOST_PREFIXES variant prefix},
   * then its brand label.
   */
  static @Nullable Category categoryOf(String source) {
    Category category = CATEGORY_BY_NAME.get(source);
    if (category != null || source.indexOf('.') < 0) {
      return category;
    }
    String host = stripPrefix(source);
    if (!host.equals(source)) {
      category = CATEGORY_BY_NAME.get(host);
      if (category != null) {
        return category;
      }
    }
    String brand = brandOf(host);
    return brand == null ? null : CATEGORY_BY_NAME.get(brand);
  }

  /**
   * The host of a lower-case URL, or {@code null} if it has none. Lenient on purpose: referrers in
   * exports are often cut, lack the scheme or carry characters a strict URI parser rejects.
   */
  static @Nullable String hostOf(String url) {
    int start = 0;
    int end = url.length();
    for (int i = 0; i < end; i++) {
      char c = url.charAt(i);
      if (c == ':' && url.startsWith("//", i + 1) && start == 0) {
        start = i + 3;
        i += 2;
      } else if (c == '/' && i == start && url.startsWith("//", i)) {
        start = i + 2;
        i++;
      } else if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    if (start >= end) {
      return null;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at >= start) {
      start = at + 1;
    }
    int colon = url.indexOf(':', start);
    if (colon >= 0 && colon < end) {
      end = colon;
    }
    while (end > start && url.charAt(end - 1) == '.') {
      end--;
    }
    return start >= end ? null : url.substring(start, end);
  }

  /** {@code host} without a {@linkplain #HOST_PREFIXES variant prefix}. */
  static String stripPrefix(String host) {
    for (String prefix : HOST_PREFIXES) {
      if (host.startsWith(prefix) && host.length() > prefix.length()) {
        return host.substring(prefix.length());
      }
    }
    return host;
  }

  /**
   * The label that names the site: the one before the top-level domain, or before a {@linkplain
   * #SECOND_LEVEL_SUFFIXES second-level suffix} and the country code ({@code search.yahoo.com} and
   * {@code yahoo.co.jp} both give {@code yahoo}).
   */
  private static @Nullable String brandOf(String host) {
    int end = host.lastIndexOf('.');
    if (end <= 0) {
      return null;
    }
    int dot = host.lastIndexOf('.', end - 1);
    if (dot > 0 && SECOND_LEVEL_SUFFIXES.contains(host.substring(dot + 1, end))) {
      end = dot;
      dot = host.lastIndexOf('.', end - 1);
    }
    return dot + 1 >= end ? null : host.substring(dot + 1, end);
  }

  private static ImmutableMap<String, Category> byName() {
    ImmutableMap.Builder<String, Category> names = ImmutableMap.builder();
    SEARCH.forEach(name -> names.put(name, Category.SEARCH));
    SOCIAL.forEach(name -> names.put(name, Category.SOCIAL));
    VIDEO.forEach(name -> names.put(name, Category.VIDEO));
    SHOPPING.forEach(name -> names.put(name, Category.SHOPPING));
    return names.buildOrThrow();
  }
}
