package org.engagement.simulator;

import java.util.List;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.Interaction;
import org.jspecify.annotations.Nullable;

/**
 * One simulated person: who, what happened in time order, what they answered, and which channels their first
 * purchase depended on.
 *
 * @param customer the person
 * @param interactions their interactions in time order
 * @param answer their survey answer, if they gave one
 * @param purchased whether they made a first purchase in the world
 * @param gained bit {@code c} set if the first purchase would not have happened without channel {@code c}
 * @param lost bit {@code c} set if there was no first purchase but there would have been without channel {@code c}
 * @param truth the customer's true rates and fate, for buyers
 * @param heldOut bit {@code c} set if the person is held out of channel {@code c}
 */
record CustomerLife(
    Customer customer, List<Interaction> interactions, @Nullable SurveyAnswer answer, boolean purchased,
    int gained, int lost, @Nullable CustomerTruth truth, int heldOut) {}
