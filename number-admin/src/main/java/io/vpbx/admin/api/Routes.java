package io.vpbx.admin.api;

import io.vertx.ext.web.Router;

/** One resource's routes; each routes class mounts its own paths. */
public interface Routes {
    void mount(Router router);
}
