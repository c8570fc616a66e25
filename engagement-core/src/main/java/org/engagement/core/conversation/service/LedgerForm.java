package org.engagement.core.conversation.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.engagement.core.domain.Channel;
import org.engagement.core.internal.column.Dictionary;
import org.engagement.core.internal.column.InstantColumn;
import org.jspecify.annotations.Nullable;

/**
 * The serial form of a {@link ServiceLedger}: customer ids, channels and owners once each (sorted),
 * the customers' latest inbound activity, and per thread (sorted by id) its opening, its earliest named
 * owner, and its responses and resolutions, thread {@code t}'s being rows {@code start[t]} up to
 * {@code start[t + 1]} of their columns. Numbers refer into the dictionaries; -1 is none.
 */
final class LedgerForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] customers;
  private final InstantColumn lastInbound;
  private final Channel[] channels;
  private final String[] owners;
  private final String[] threadIds;
  private final InstantColumn openedAt;
  private final int[] openedBy;
  private final int[] openedOn;
  private final InstantColumn ownerNamedAt;
  private final int[] ownerNamed;
  private final int[] responseStart;
  private final InstantColumn responseAt;
  private final int[] responseOwner;
  private final int[] resolutionStart;
  private final InstantColumn resolutionAt;

  LedgerForm(ServiceLedger ledger) {
    Map<String, ThreadState> threads = ledger.threads();
    LatestActivity active = ledger.lastInbound();
    List<String> customerIds = new ArrayList<>(active.size());
    for (int c = 0; c < active.size(); c++) {
      customerIds.add(active.customer(c));
    }
    List<Channel> channelList = new ArrayList<>();
    List<String> ownerNames = new ArrayList<>();
    for (ThreadState state : threads.values()) {
      ThreadState.Opening opening = state.opening();
      if (opening != null) {
        customerIds.add(opening.customerId());
        channelList.add(opening.channel());
      }
      ThreadState.Named owner = state.earliestOwner();
      if (owner != null) {
        ownerNames.add(owner.owner());
      }
      state.responses().stream().map(ThreadState.Response::owner).filter(Objects::nonNull).forEach(ownerNames::add);
    }
    Dictionary<String> customerDictionary = Dictionary.of(customerIds, Comparator.naturalOrder());
    Dictionary<Channel> channelDictionary = Dictionary.of(channelList, Channel.ORDER);
    Dictionary<String> ownerDictionary = Dictionary.of(ownerNames, Comparator.naturalOrder());
    customers = customerDictionary.toArray(String[]::new);
    channels = channelDictionary.toArray(Channel[]::new);
    owners = ownerDictionary.toArray(String[]::new);
    lastInbound = InstantColumn.ofSize(customers.length);
    for (int i = 0; i < customers.length; i++) {
      lastInbound.set(i, active.of(customers[i]));
    }
    List<Map.Entry<String, ThreadState>> byId = new ArrayList<>(threads.entrySet());
    byId.sort(Map.Entry.comparingByKey());
    threadIds = byId.stream().map(Map.Entry::getKey).toArray(String[]::new);
    int n = threadIds.length;
    openedAt = InstantColumn.ofSize(n);
    openedBy = new int[n];
    openedOn = new int[n];
    ownerNamedAt = InstantColumn.ofSize(n);
    ownerNamed = new int[n];
    responseStart = new int[n + 1];
    resolutionStart = new int[n + 1];
    for (int t = 0; t < n; t++) {
      ThreadState state = byId.get(t).getValue();
      responseStart[t + 1] = responseStart[t] + state.responses().size();
      resolutionStart[t + 1] = resolutionStart[t] + state.resolutions().size();
    }
    responseAt = InstantColumn.ofSize(responseStart[n]);
    responseOwner = new int[responseStart[n]];
    resolutionAt = InstantColumn.ofSize(resolutionStart[n]);
    for (int t = 0; t < n; t++) {
      write(t, byId.get(t).getValue(), customerDictionary, channelDictionary, ownerDictionary);
    }
  }

  private void write(int t, ThreadState state, Dictionary<String> customerDictionary,
      Dictionary<Channel> channelDictionary, Dictionary<String> ownerDictionary) {
    ThreadState.Opening opening = state.opening();
    openedAt.set(t, opening == null ? null : opening.at());
    openedBy[t] = opening == null ? -1 : customerDictionary.numberOf(opening.customerId());
    openedOn[t] = opening == null ? -1 : channelDictionary.numberOf(opening.channel());
    ThreadState.Named owner = state.earliestOwner();
    ownerNamedAt.set(t, owner == null ? null : owner.at());
    ownerNamed[t] = owner == null ? -1 : ownerDictionary.numberOf(owner.owner());
    int row = responseStart[t];
    for (ThreadState.Response response : state.responses()) {
      String name = response.owner();
      responseAt.set(row, response.at());
      responseOwner[row++] = name == null ? -1 : ownerDictionary.numberOf(name);
    }
    row = resolutionStart[t];
    for (Instant at : state.resolutions()) {
      resolutionAt.set(row++, at);
    }
  }

  private Object readResolve() {
    ServiceLedger ledger = ServiceLedger.create();
    for (int i = 0; i < customers.length; i++) {
      Instant at = lastInbound.get(i);
      if (at != null) {
        ledger.lastInbound().note(customers[i], at);
      }
    }
    for (int t = 0; t < threadIds.length; t++) {
      ledger.threads().put(threadIds[t], read(t));
    }
    return ledger;
  }

  private ThreadState read(int t) {
    ThreadState state = new ThreadState();
    Instant opened = openedAt.get(t);
    if (opened != null) {
      state.open(new ThreadState.Opening(opened, customers[openedBy[t]], channels[openedOn[t]]));
    }
    Instant named = ownerNamedAt.get(t);
    if (named != null) {
      state.nameOwner(new ThreadState.Named(named, owners[ownerNamed[t]]));
    }
    for (int row = responseStart[t]; row < responseStart[t + 1]; row++) {
      state.respond(new ThreadState.Response(responseAt.require(row), ownerOf(responseOwner[row])));
    }
    for (int row = resolutionStart[t]; row < resolutionStart[t + 1]; row++) {
      state.resolve(resolutionAt.require(row));
    }
    return state;
  }

  private @Nullable String ownerOf(int number) {
    return number < 0 ? null : owners[number];
  }
}
