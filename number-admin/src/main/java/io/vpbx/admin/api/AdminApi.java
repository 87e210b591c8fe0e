package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.service.accounts.AccountLimitService;
import io.vpbx.admin.service.accounts.AccountService;
import io.vpbx.admin.service.audit.AuditService;
import io.vpbx.admin.service.accounts.Authenticator;
import io.vpbx.admin.service.numbers.BulkChangeService;
import io.vpbx.admin.service.catalog.CatalogImport;
import io.vpbx.admin.service.catalog.CatalogSearch;
import io.vpbx.admin.service.contacts.ContactPhoneChanges;
import io.vpbx.admin.service.staff.DepartmentService;
import io.vpbx.admin.service.schedules.ScheduleService;
import io.vpbx.admin.domain.schedule.ScheduleHoursCodec;
import io.vpbx.admin.service.contacts.DevOutbox;
import io.vpbx.admin.service.staff.EmployeeService;
import io.vpbx.admin.service.media.MediaService;
import io.vpbx.admin.service.scenarios.ScenarioService;
import io.vpbx.admin.service.compliance.BindingService;
import io.vpbx.admin.service.calls.CallRecordSearch;
import io.vpbx.admin.service.calls.CallSimulator;
import io.vpbx.admin.service.staff.CallerIdService;
import io.vpbx.admin.service.compliance.EndUserService;
import io.vpbx.admin.service.numbers.ForwardingConsents;
import io.vpbx.admin.service.accounts.ApiKeyService;
import io.vpbx.admin.service.compliance.RegistryService;
import io.vpbx.admin.service.compliance.SelfSubmissions;
import io.vpbx.admin.service.compliance.M2mDeviceService;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.numbers.NumberService;
import io.vpbx.admin.service.catalog.PurchaseService;
import io.vpbx.admin.service.catalog.ReservationService;
import io.vpbx.admin.service.thirdparty.ThirdPartyNumberService;
import io.vpbx.admin.service.calls.TrunkService;
import io.vpbx.admin.service.events.WebhookService;
import io.vpbx.admin.service.voicemail.VoicemailService;
import io.vpbx.admin.service.compliance.ComplaintStops;
import io.vpbx.admin.service.compliance.Consents;
import io.vpbx.admin.service.compliance.RealNameReport;
import io.vpbx.admin.service.compliance.EndUserFiles;
import io.vpbx.admin.service.people.Invitations;
import io.vpbx.admin.service.people.LoginJournal;
import io.vpbx.admin.service.people.SessionService;
import io.vpbx.admin.service.people.SignInService;
import io.vpbx.admin.service.people.UserService;
import io.vpbx.config.AdminConfig;
import io.vpbx.config.ApiConfig;
import io.vpbx.config.MediaConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The HTTP face of the admin side: one routes class per resource over the services. */
public final class AdminApi {

    /** The services the routes call. */
    public record Services(AccountService accounts, Authenticator authenticator, CatalogImport catalogImport,
                           CatalogSearch catalogSearch, ReservationService reservations, PurchaseService purchases,
                           NumberService numbers, BulkChangeService bulk, AuditService audit,
                           CallRecordSearch callRecords, NumberInputs inputs,
                           ForwardingCodec codec, PhoneNumberParser parser, EmployeeService employees,
                           DepartmentService departments, ContactPhoneChanges contactPhoneChanges, DevOutbox devOutbox,
                           EndUserService endUsers, M2mDeviceService m2mDevices, BindingService bindings,
                           RegistryService registry, CallerIdService callerIds, SelfSubmissions selfSubmissions,
                           TrunkService trunks, ThirdPartyNumberService thirdPartyNumbers,
                           ForwardingConsents forwardingConsents, ApiKeyService apiKeys,
                           AccountLimitService accountLimits, MediaService media, VoicemailService voicemails,
                           ScenarioService scenarios, ScheduleService schedules, ScheduleHoursCodec scheduleCodec,
                           WebhookService webhooks, ComplaintStops complaintStops, EndUserFiles endUserFiles,
                           Consents consents, RealNameReport realNameReport, People people) {
    }

    /** The services of people who sign in (ADR 0030). */
    public record People(UserService users, Invitations invitations, SignInService signIn, SessionService sessions, LoginJournal journal) {
    }

    private final Services services;
    private final AdminConfig config;
    private final ApiConfig api;
    private final MediaConfig media;
    private final Path uploadsDirectory;
    private final ObjectMapper mapper;
    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier databaseAnswers;
    private final Optional<CallSimulator> simulator;
    private final Clock clock;

    /** {@code uploadsDirectory}: where multipart media uploads wait, each until its request is answered. */
    public AdminApi(Services services, AdminConfig config, ApiConfig api, MediaConfig media, Path uploadsDirectory,
                    ObjectMapper mapper, PrometheusMeterRegistry registry, BooleanSupplier databaseAnswers) {
        this(services, config, api, media, uploadsDirectory, mapper, registry, databaseAnswers, Optional.empty(),
                Clock.systemUTC());
    }

    /**
     * {@code simulator}: the SIP side's simulation of calls (absent: simulating answers 503); {@code clock}: "now" for a
     * simulation that names no instant.
     */
    public AdminApi(Services services, AdminConfig config, ApiConfig api, MediaConfig media, Path uploadsDirectory,
                    ObjectMapper mapper, PrometheusMeterRegistry registry, BooleanSupplier databaseAnswers,
                    Optional<CallSimulator> simulator, Clock clock) {
        this.simulator = simulator;
        this.clock = clock;
        this.services = services;
        this.config = config;
        this.api = api;
        this.media = media;
        this.uploadsDirectory = uploadsDirectory;
        this.mapper = mapper;
        this.registry = registry;
        this.databaseAnswers = databaseAnswers;
    }

    /** The router on {@code vertx}; blocking work (JDBC) runs through {@code blocking}. */
    public Router router(Vertx vertx, BlockingWork blocking) {
        Exchange exchange = new Exchange(mapper,
                new JsonBodyReader(mapper.getFactory(), mapper.getNodeFactory(), api.maxJsonArrayItems(), api.maxJsonDepth()),
                blocking);
        Query query = new Query(config.defaultPageSize(), config.maxPageSize());
        NumberViews views = new NumberViews(mapper, services.parser(), services.codec());
        RateLimiter limiter = new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), System::nanoTime);
        FailedAuthLimiter failures = new FailedAuthLimiter(api.authFailureLimit(), api.authFailureWindow().toNanos(),
                System::nanoTime);
        AdminRouter router = new AdminRouter(new AuthenticationHandler(services.authenticator(), services.people().sessions(),
                blocking, limiter, failures, registry), registry, config.maxBodyBytes(), api.maxJsonBodyBytes(),
                media.maxUploadBytes(), services.endUserFiles().maxBytes(), uploadsDirectory, exchange);
        List<Routes> api = List.of(
                new AccountRoutes(services.accounts(), services.inputs(), exchange, query),
                new CatalogRoutes(services.catalogImport(), services.catalogSearch(), views, exchange, query),
                new ReservationRoutes(services.reservations(), views, exchange),
                new NumberRoutes(services.purchases(), services.numbers(), services.bulk(), services.inputs(),
                        services.codec(), views, exchange, query),
                new AuditRoutes(services.audit(), exchange, query),
                new CallRecordRoutes(services.callRecords(), services.inputs(), exchange, query),
                new EmployeeRoutes(services.employees(), exchange, query),
                new DepartmentRoutes(services.departments(), exchange, query),
                new ContactPhoneRoutes(services.contactPhoneChanges(), exchange, query),
                new DevOutboxRoutes(services.devOutbox(), services.inputs(), exchange, query),
                new EndUserRoutes(services.endUsers(), services.consents(), exchange, query),
                new M2mDeviceRoutes(services.m2mDevices(), exchange, query),
                new ComplianceRoutes(services.bindings(), services.registry(), services.callerIds(), services.selfSubmissions(),
                        services.inputs(), exchange),
                new ComplaintStopRoutes(services.complaintStops(), views, services.inputs(), exchange),
                new EndUserFileRoutes(services.endUserFiles(), exchange, query),
                new RealNameReportRoutes(services.realNameReport(), exchange, query),
                new TrunkRoutes(services.trunks(), exchange, query),
                new ThirdPartyNumberRoutes(services.thirdPartyNumbers(), services.inputs(), exchange, query),
                new ForwardingConsentRoutes(services.forwardingConsents(), services.inputs(), exchange),
                new ApiKeyRoutes(services.apiKeys(), exchange),
                new MediaRoutes(services.media(), media.maxUploadBytes(), exchange, query),

                new AccountLimitRoutes(services.accountLimits(), exchange),
                new VoicemailRoutes(services.voicemails(), services.inputs(), exchange, query),
                new ScenarioRoutes(services.scenarios(), exchange, query),
                new ScheduleRoutes(services.schedules(), services.scheduleCodec(), exchange, query),
                new WebhookRoutes(services.webhooks(), exchange, query),
                new UserRoutes(services.people().users(), services.people().invitations(), exchange, query),
                new SessionRoutes(services.people().sessions(), exchange),
                new LoginJournalRoutes(services.people().journal(), exchange, query),
                new SimulateRoutes(simulator, services.numbers(), services.media(), services.employees(), services.inputs(),
                        exchange, clock));
        List<Routes> signIn = List.of(new SignInRoutes(services.people().signIn(), services.people().invitations(), exchange));
        return router.build(vertx, List.of(new OperationsRoutes(databaseAnswers, registry, blocking),
                new ConsoleRoutes(ConsoleAssets.fromClasspath())), signIn, api);
    }
}
