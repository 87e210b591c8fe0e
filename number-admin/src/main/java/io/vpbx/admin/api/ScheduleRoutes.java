package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vpbx.admin.domain.schedule.SavedSchedule;
import io.vpbx.admin.domain.schedule.ScheduleHoursCodec;
import io.vpbx.admin.service.schedules.ScheduleService;
import io.vpbx.telephony.schedule.Schedule;

/**
 * /v1/schedules: an account's working hours in an IANA time zone, with holidays and one-off dates; a number's
 * forwarding (and a scenario's time condition) follows one. PATCH is a JSON merge-patch: week and exceptions, when
 * present, replace the stored ones whole.
 */
final class ScheduleRoutes implements Routes {
    private final ResourceRoutes<SavedSchedule, ScheduleService.Draft> resource;
    private final ScheduleHoursCodec codec;
    private final Exchange exchange;

    ScheduleRoutes(ScheduleService schedules, ScheduleHoursCodec codec, Exchange exchange, Query query) {
        this.resource = new ResourceRoutes<>("/v1/schedules", schedules, ScheduleService.Draft.class, SavedSchedule::id,
                this::view, exchange, query);
        this.codec = codec;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        resource.mount(router);
    }

    private ObjectNode view(SavedSchedule saved) {
        Schedule schedule = saved.schedule();
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", schedule.id())
                .put("name", schedule.name())
                .put("time_zone", schedule.zone().getId());
        node.set("week", codec.writeWeek(schedule.week()));
        node.set("exceptions", codec.writeExceptions(schedule.exceptions()));
        return node.put("created_at", saved.createdAt().toString())
                .put("updated_at", saved.updatedAt().toString());
    }
}
