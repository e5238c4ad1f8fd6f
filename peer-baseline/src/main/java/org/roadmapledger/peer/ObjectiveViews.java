package org.roadmapledger.peer;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The objectives' views, a Spring Data repository over MongoDB. */
interface ObjectiveViews extends MongoRepository<ObjectiveView, String> {
}
