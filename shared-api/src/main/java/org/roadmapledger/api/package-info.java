/**
 * The language both sides of the ledger speak: commands, events and value types.
 *
 * <p>Package and class names are permanent once an event is stored, because the event store records
 * them: evolve an event with {@code @Revision} and an upcaster, never by renaming or editing it.
 */
package org.roadmapledger.api;
