package com.coursedesk.service.upcoming;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The coming money events of one account. Blocking: never called on the UI thread. */
@FunctionalInterface
public interface UpcomingService {

    /** Every coming event after {@code now}, earliest first; see {@link UpcomingEvents#from}. */
    List<UpcomingEvent> events(Instant now, ZoneId zone);
}
