package io.vpbx.server;

import io.vpbx.server.media.StoredClips;
import io.vpbx.server.media.StoredVoicemails;
import io.vpbx.server.simulate.SipCallSimulator;
import io.vpbx.server.sync.AuditLogFollower;
import io.vpbx.server.sync.AuditNotificationListener;
import io.vpbx.server.sync.RegistrationHealthWriter;
import io.vpbx.server.sync.RoutingTableSync;
import io.vpbx.server.sync.RoutingValues;
import io.vpbx.server.sync.RoutingSnapshot;
import io.vpbx.server.sync.SnapshotKeeper;
import io.vpbx.server.sync.SipRegistrar;
import io.vpbx.sip.SipServerSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vpbx.admin.AdminModule;
import io.vpbx.admin.api.BlockingWork;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.limits.AccountLimits;
import io.vpbx.admin.domain.limits.LimitSettings;
import io.vpbx.sip.routing.PremiumRatePrefixes;
import io.vpbx.admin.service.audit.ChangeListener;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.jdbc.Database;
import io.vpbx.admin.store.jdbc.DatabaseBreaker;
import io.vpbx.admin.store.jdbc.Dialect;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import io.vpbx.admin.store.jdbc.JdbcMediaStore;
import io.vpbx.admin.service.media.MediaAudio;
import io.vpbx.admin.store.jdbc.JdbcSettings;
import io.vpbx.config.DatabaseOutageConfig;
import io.vpbx.config.StorageConfig;
import io.vpbx.config.VpbxConfig;
import io.vpbx.media.MediaServer;
import io.vpbx.media.session.NettyMediaServer;
import io.vpbx.media.tone.Tones;
import io.vpbx.sip.SipServer;
import io.vpbx.sip.SipServices;
import io.vpbx.sip.egress.AccountTargets;
import io.vpbx.sip.uas.AnswerServices;
import io.vpbx.sip.uas.RouteSimulator;
import io.vpbx.sip.uas.ScenarioServices;
import io.vpbx.sip.transport.SipTls;
import io.vpbx.telephony.egress.HostResolver;
import io.vpbx.telephony.egress.PrivateTargets;
import java.util.Optional;
import io.vpbx.sip.routing.Location;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the whole object graph with {@code new} and starts the admin API and
 * the SIP side. Tests start one of these on ephemeral ports.
 */
public final class VpbxServer {
    private static final Logger log = LoggerFactory.getLogger(VpbxServer.class);
    private static final long DRAIN_CHECK_MILLIS = 100;

    private final VpbxConfig config;
    private final Clock clock;
    private boolean stopped;
    private Database database;
    private AdminModule admin;
    private final RoutingTable routingTable;
    private Vertx vertx;
    /** Virtual threads for the admin side's JDBC work (requests and sweeps), off the event loop. */
    private BlockingWork blocking;
    /** Plain HTTP and HTTPS listeners of the admin API; null when switched off. */
    private HttpServer http;
    private HttpServer https;
    private SipServer sip;
    private SipRegistrar registrar;
    private AuditLogFollower follower;
    /** Wakes the follower when another node's audit entry commits (PostgreSQL with cluster.notify); else null. */
    private volatile AuditNotificationListener listener;
    private RegistrationHealthWriter health;
    /** The routing snapshot kept for a start while the database is down, and the catch-up after one. */
    private SnapshotKeeper snapshots;
    /** The accounts' media library clips, cached for calls to play. */
    private StoredClips clips;
    /** RTP for the calls vpbx answers itself. */
    private MediaServer media;
    /** Where the call side hands voicemails: queued off the event loop, stored with their mail queued. */
    private StoredVoicemails voicemails;

    public VpbxServer(VpbxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.routingTable = new RoutingTable(RoutingValues.callLimits(AccountLimits.of(LimitSettings.DEFAULTS, config.limits()),
                PremiumRatePrefixes.bundled()));
    }

    public void start() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JdbcSettings settings = jdbcSettings(config.storage());
        database = Database.connect(settings, false);
        RoutingSnapshot snapshot = new RoutingSnapshot(config.storage().outageDir());
        // the database down at start: routing, credentials and bindings come from the snapshot until it answers
        Optional<RoutingSnapshot.Snapshot> offline = migrateOrOpen(settings, snapshot);
        Transactions loadFrom = offline.<Transactions>map(RoutingSnapshot.Snapshot::database).orElse(database);
        RoutingTableSync routingSync = new RoutingTableSync(routingTable, registry);
        registrar = new SipRegistrar(config.registrar(), config.sip().realm(), database, clock, registry);
        ChangeListener credentials = registrar.changeListener();
        clips = new StoredClips(new MediaAudio(database, new JdbcMediaStore())::wav, config.media().cacheBytes(), registry);
        ChangeListener changes = (type, id) -> {
            routingSync.changed(type, id);
            credentials.changed(type, id);
            clips.changed(type, id);
            snapshots.changed(type, id);
        };
        admin = new AdminModule(config, database, clock, registry, changes);
        follower = new AuditLogFollower(database, new JdbcAuditStore(JsonMappers.create()), changes, config.cluster().pollBatch(),
                registry);
        snapshots = new SnapshotKeeper(snapshot, database.dataSource(), follower::head,
                // an embedded database is never out of reach: no snapshot of it
                config.storage().embedded() ? Duration.ZERO : config.storage().outage().snapshotInterval(), registry);
        routingSync.attach(admin.routingSource(loadFrom));
        voicemails = new StoredVoicemails(admin.voicemails(), registry);
        voicemails.start();
        health = new RegistrationHealthWriter(admin.thirdPartyRegistrations(), registrar.nodeId(), registry);
        health.start();
        SipServerSettings sipSettings = new SipServerSettings(config.sip(), config.sipTcp(), config.listeners(),
                Optional.of(SipTls.of(config.tls())), config.uplink(), config.sipOverload(),
                new AccountTargets(new PrivateTargets(config.security().allowedPrivateTargets()), HostResolver.system()));
        media = new NettyMediaServer(config.media(), registry);
        AnswerServices answering = new AnswerServices(media, clips, voicemails, config.voicemail(), Tones.greeting(),
                Tones.beep())
                // time conditions read the routing table's schedules (memory only: called on the event loop); forwards
                // go through the bridge the proxy builds
                .withScenarios(new ScenarioServices((scheduleId, at) -> routingTable.schedule(scheduleId)
                        .map(schedule -> schedule.isOpen(at)).orElse(false),
                        // the scenario's collect step dials employees by the routing table's extensions, as phones do
                        (accountId, extension) -> routingTable.extension(accountId, extension)
                                .filter(Target.Employee.class::isInstance).map(owner -> ((Target.Employee) owner).employeeId())));
        sip = new SipServer(sipSettings, registry, new SipServices(routingTable, Optional.of(registrar.service()),
                registrar.location(), registrar::credentials, registrar.authenticator(), routingTable::accountOf, admin.callRecords(),
                answering, clock), health);
        routingSync.attachUplinks(sip::putUplink, sip::removeUplink);
        if (offline.isEmpty()) {
            admin.prepare().ifPresent(key -> log.warn("""

                    ==================================================================
                      First start: the operator API key (shown only this once) is
                      {}
                      Keep it; vpbx stores only its hash. Or set VPBX_OPERATOR_KEY.
                    ==================================================================""", key.secret()));
            follower.startAtHead(); // before loading: what commits meanwhile is applied again, not missed
        } else {
            admin.prepareOffline();
        }
        routingSync.loadAll();
        registrar.start(loadFrom);
        if (offline.isPresent()) {
            long position = offline.get().auditPosition();
            offline.get().close();
            routingSync.attach(admin.routingSource());
            snapshots.catchUp(() -> catchUp(routingSync, settings, position, registry), config.storage().outage().retryAfter());
        } else {
            if (config.cluster().follows()) {
                follower.start(config.cluster().pollInterval());
                listenForChanges(registry);
            }
            snapshots.startWriting();
        }
        vertx = Vertx.vertx();
        blocking = new BlockingWork();
        // the route simulator runs the code real calls run: this routing table, these bindings, these answering services
        Router router = admin.router(vertx, blocking, Optional.of(new SipCallSimulator(
                new RouteSimulator(routingTable, registrar.location(), answering))), () -> !snapshots.degraded() && database.answers());
        new NodeRoutes(registrar.nodeId(), sip).mount(router);
        // a draining node is not ready, before the database is even asked: load balancers take it out (docs/adr/0033)
        router.get("/health/ready").order(-1).handler(rc -> {
            if (sip.draining()) {
                rc.response().setStatusCode(503).putHeader("Content-Type", "application/json").end("{\"status\":\"draining\"}");
            } else {
                rc.next();
            }
        });
        if (config.listeners().adminHttp()) {
            http = listen("admin.port " + config.admin().port(), vertx.createHttpServer(AdminHttpOptions.plain(config.admin()))
                    .requestHandler(router).invalidRequestHandler(admin.invalidRequestHandler()));
        }
        if (config.listeners().adminTls()) {
            https = listen("admin.tls-port " + config.listeners().adminTlsPort(), vertx.createHttpServer(
                    AdminHttpOptions.secure(config.admin(), config.listeners(), config.tls()))
                    .requestHandler(router).invalidRequestHandler(admin.invalidRequestHandler()));
        }
        long sweepMillis = Math.max(1, config.catalog().sweepInterval().toMillis());
        vertx.setPeriodic(sweepMillis, id -> blocking.run(() -> {
            admin.runMaintenance();
            return null;
        }).onFailure(e -> log.warn("maintenance failed; retrying at the next interval", e)));
        admin.mailDelivery().start();
        admin.webhookDelivery(vertx).start();
        admin.smsDelivery().ifPresent(worker -> worker.start());
        sip.start();
        log.info("vpbx started: admin API on {} (http {}, https {}), SIP on {} (udp {}, tcp {}, tls {})", config.admin().host(),
                http == null ? "off" : adminPort(), https == null ? "off" : adminTlsPort(), config.sip().host(),
                config.sip().udp() ? sip.udpPort() : "off", config.sip().tcp() ? sip.tcpPort() : "off",
                config.listeners().sipTls() ? sip.tlsPort() : "off");
    }

    /**
     * Migrates the database; when it cannot be reached, opens the routing snapshot instead (empty when the database
     * answered). Without a snapshot a node cannot start while its database is down.
     */
    private Optional<RoutingSnapshot.Snapshot> migrateOrOpen(JdbcSettings settings, RoutingSnapshot snapshot) {
        try {
            database.migrate(settings);
            return Optional.empty();
        } catch (RuntimeException e) {
            if (!DatabaseBreaker.unreachable(e)) {
                throw e;
            }
            RoutingSnapshot.Snapshot opened = snapshot.open().orElseThrow(() -> new IllegalStateException(
                    "the database is unreachable and there is no routing snapshot to start from in "
                            + config.storage().outageDir() + ": " + e.getMessage(), e));
            log.warn("the database is unreachable at start ({}); serving calls from the routing snapshot (audit position {})"
                    + " in degraded mode until it answers", e.getMessage(), opened.auditPosition());
            return Optional.of(opened);
        }
    }

    /** After a start from the snapshot: everything again from the database, then the changes made since the snapshot. */
    private void catchUp(RoutingTableSync routingSync, JdbcSettings settings, long snapshotPosition, MeterRegistry registry) {
        database.migrate(settings);
        admin.prepare();
        follower.startAt(snapshotPosition);
        routingSync.loadAll();
        registrar.reload();
        while (follower.pollOnce() > 0) {
            // deletions and changes committed since the snapshot was written
        }
        if (config.cluster().follows()) {
            follower.start(config.cluster().pollInterval());
            listenForChanges(registry);
        }
    }

    /** With cluster.notify on PostgreSQL, a LISTEN connection wakes the log follower at each audit entry (docs/adr/0033). */
    private void listenForChanges(MeterRegistry registry) {
        if (config.cluster().listens() && database.dialect() == Dialect.POSTGRESQL) {
            listener = new AuditNotificationListener(config.storage().jdbcUrl().orElseThrow(), config.storage().user(),
                    config.storage().password(), follower::wake, registry);
            listener.start();
        }
    }

    /** Listens, or fails naming the key and port (Vert.x rethrows a BindException unchecked and without the port). */
    private HttpServer listen(String what, HttpServer server) {
        try {
            return server.listen().await();
        } catch (Exception e) { // await() throws checked exceptions unchecked
            throw new IllegalStateException("cannot listen on " + config.admin().host() + " " + what + ": " + e.getMessage(), e);
        }
    }

    /** The port of the admin API over plain HTTP, -1 when admin.http is off. */
    public int adminPort() {
        return http == null ? -1 : http.actualPort();
    }

    /** The port of the admin API over HTTPS, -1 when admin.tls is off. */
    public int adminTlsPort() {
        return https == null ? -1 : https.actualPort();
    }

    /** The admin side, for tests that drive its sweeper with their own clock. */
    public AdminModule admin() {
        return admin;
    }

    /** The database pool, for tests that must reach the tables directly (tampering with the audit log). */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** The in-memory routing table the SIP core reads (tests check that admin changes reach it). */
    public RoutingTable routingTable() {
        return routingTable;
    }

    /**
     * The media library's clips for calls to play (a {@link io.vpbx.media.ClipSource}): voice message fallbacks and
     * voicemail greetings; the SIP side's answering services play from it.
     */
    public StoredClips clips() {
        return clips;
    }

    /** The sink for the call side's voicemails (the SIP services take it as their VoicemailSink). */
    public StoredVoicemails voicemails() {
        return voicemails;
    }

    public SipServer sip() {
        return sip;
    }

    /** Employees' registered contacts (any node's), highest q first: what call routing forks an employee's calls to. */
    public Location location() {
        return registrar.location();
    }

    /** Writes what third-party registrations reported so far (tests read the API right after). */
    int flushRegistrationHealth() {
        return health.flush();
    }

    /** What brings other nodes' admin changes here, for tests that run its rounds themselves. */
    AuditLogFollower follower() {
        return follower;
    }

    /** The routing snapshot's keeper, for tests that write the snapshot now rather than at the next interval. */
    SnapshotKeeper snapshots() {
        return snapshots;
    }

    /** The registrar side, for tests that run its sync round or flush its writes themselves. */
    SipRegistrar registrar() {
        return registrar;
    }

    /**
     * Takes this node out of service before a stop (SIGTERM, docs/adr/0033): from now on {@code /health/ready} is 503
     * and OPTIONS and new calls are answered 503, so that the dispatcher in front sends new calls to other nodes;
     * calls under way go on. Returns once none is left and {@code cluster.drain-notice} has passed (the dispatcher's
     * probes have seen the 503), or after {@code cluster.drain-timeout} with calls still up. Unregisters nothing:
     * the bindings in the shared database stay for the other nodes.
     *
     * @return the calls still under way when it gave up waiting (0: every call ended here)
     */
    public int drain() {
        if (sip == null) {
            return 0;
        }
        sip.drain();
        long started = System.nanoTime();
        long notice = started + config.cluster().drainNotice().toNanos();
        long deadline = started + config.cluster().drainTimeout().toNanos();
        int active = sip.activeCalls();
        while (System.nanoTime() - notice < 0 || active > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(DRAIN_CHECK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            active = sip.activeCalls();
        }
        log.info("drained after {} ms: {} calls still under way", (System.nanoTime() - started) / 1_000_000, active);
        return active;
    }

    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (snapshots != null) {
            snapshots.close();
        }
        if (sip != null) {
            sip.close();
        }
        if (media != null) {
            media.close(); // after SIP: no new calls open sessions
        }
        if (health != null) {
            health.close();
        }
        if (voicemails != null) {
            voicemails.close(); // after the SIP side (no new messages), before the database
        }
        if (listener != null) {
            listener.close();
        }
        if (follower != null) {
            follower.close();
        }
        if (registrar != null) {
            registrar.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
        if (blocking != null) {
            blocking.close(); // after the listeners (no new work), before the database (work under way needs it)
        }
        if (clips != null) {
            clips.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (database != null) {
            database.close();
        }
        log.info("vpbx stopped");
    }

    static JdbcSettings jdbcSettings(StorageConfig storage) {
        DatabaseOutageConfig outage = storage.outage();
        return storage.jdbcUrl()
                .map(url -> new JdbcSettings(url, storage.user(), storage.password(), storage.poolSize(), null))
                .orElseGet(() -> JdbcSettings.embedded(storage.dataDir(), storage.poolSize()))
                .withTimeouts(new JdbcSettings.Timeouts(outage.connectTimeout(), outage.statementTimeout(),
                        outage.socketTimeout(), outage.retryAfter()));
    }
}
