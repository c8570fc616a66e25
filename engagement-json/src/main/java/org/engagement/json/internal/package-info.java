/**
 * The JSON forms, one class per product, and what they share: reading fields with the SDK's error rule,
 * doubles that may not be finite, and the adapters that make a form a Jackson serializer and deserializer.
 * Not API.
 */
@NullMarked
package org.engagement.json.internal;

import org.jspecify.annotations.NullMarked;
