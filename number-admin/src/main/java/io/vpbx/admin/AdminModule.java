package io.vpbx.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vpbx.admin.api.AdminApi;
import io.vpbx.admin.service.calls.CallSimulator;
import io.vpbx.admin.api.BlockingWork;
import io.vpbx.admin.api.InvalidRequestHandler;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.domain.category.CategoryClassifier;
import io.vpbx.admin.domain.compliance.StateRegistry;
import io.vpbx.admin.domain.contact.ContactCodes;
import io.vpbx.admin.domain.contact.ContactHolderKind;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.identity.DocumentCatalogue;
import io.vpbx.admin.domain.lifecycle.CallPolicy;
import io.vpbx.admin.domain.lifecycle.NumberLifecycle;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.domain.price.PriceTable;
import io.vpbx.admin.service.contacts.AccountContacts;
import io.vpbx.admin.service.accounts.AccountLimitService;
import io.vpbx.admin.service.accounts.AccountService;
import io.vpbx.admin.service.catalog.CatalogLimits;
import io.vpbx.admin.service.audit.AuditService;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.accounts.Authenticator;
import io.vpbx.admin.service.compliance.BindingRelease;
import io.vpbx.admin.service.compliance.BindingService;
import io.vpbx.admin.service.numbers.BulkChangeService;
import io.vpbx.admin.service.calls.CallRecordSearch;
import io.vpbx.admin.service.calls.CallRecordJournal;
import io.vpbx.admin.service.calls.CallRecordWriter;
import io.vpbx.admin.service.staff.CallerIdService;
import io.vpbx.admin.service.catalog.CatalogEntryFactory;
import io.vpbx.admin.service.catalog.CatalogImport;
import io.vpbx.admin.service.catalog.CatalogSearch;
import io.vpbx.admin.service.audit.ChangeListener;
import io.vpbx.admin.service.compliance.ComplaintStops;
import io.vpbx.admin.service.compliance.Consents;
import io.vpbx.admin.service.compliance.RealNameReport;
import io.vpbx.admin.service.compliance.EndUserFiles;
import io.vpbx.admin.service.compliance.ExpiryCheck;
import io.vpbx.admin.service.compliance.FilesOnRecord;
import io.vpbx.admin.service.compliance.ComplianceSweeper;
import io.vpbx.admin.service.compliance.ConfirmationCodes;
import io.vpbx.admin.service.contacts.ContactHolders;
import io.vpbx.admin.service.contacts.ContactPhoneChanges;
import io.vpbx.admin.service.staff.DepartmentService;
import io.vpbx.admin.service.contacts.DevOutbox;
import io.vpbx.admin.service.compliance.EmbeddedStateRegistry;
import io.vpbx.admin.service.staff.EmployeeService;
import io.vpbx.admin.service.contacts.EndUserContacts;
import io.vpbx.admin.service.compliance.EndUserService;
import io.vpbx.admin.service.numbers.ForwardingReferences;
import io.vpbx.admin.service.catalog.IdempotencyPurge;
import io.vpbx.admin.service.compliance.IdentityDocuments;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.catalog.LifecycleSweeper;
import io.vpbx.admin.service.compliance.Resealer;
import io.vpbx.admin.service.thirdparty.LinePasswords;
import io.vpbx.admin.service.compliance.M2mDeviceService;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.numbers.NumberService;
import io.vpbx.admin.service.compliance.NumberSuspensions;
import io.vpbx.admin.service.accounts.OperatorKeyBootstrap;
import io.vpbx.admin.service.contacts.OutboxEmailGateway;
import io.vpbx.admin.service.contacts.OutboxSmsGateway;
import io.vpbx.admin.service.catalog.PriceTableSync;
import io.vpbx.admin.service.catalog.PurchaseService;
import io.vpbx.admin.service.thirdparty.RegistrationReports;
import io.vpbx.admin.service.compliance.RegistryService;
import io.vpbx.admin.service.catalog.ReservationService;
import io.vpbx.admin.service.compliance.SelfSubmissions;
import io.vpbx.admin.service.numbers.SettingsDiff;
import io.vpbx.admin.service.numbers.TargetHosts;
import io.vpbx.admin.service.thirdparty.ThirdPartyNumberService;
import io.vpbx.admin.service.thirdparty.ThirdPartyRelease;
import io.vpbx.admin.service.numbers.ForeignForwardingRelease;
import io.vpbx.admin.service.numbers.ForeignForwardings;
import io.vpbx.admin.service.numbers.ForwardingConsents;
import io.vpbx.admin.store.jdbc.JdbcForwardingConsentStore;
import io.vpbx.admin.store.jdbc.JdbcApiKeyStore;
import io.vpbx.admin.service.accounts.ApiKeyService;
import io.vpbx.admin.service.accounts.ApiKeyUsage;
import io.vpbx.admin.service.calls.TrunkService;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.jdbc.Database;
import io.vpbx.admin.store.jdbc.JdbcAccountLimitStore;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import io.vpbx.admin.store.jdbc.JdbcBindingStore;
import io.vpbx.admin.store.jdbc.JdbcCallRecordStore;
import io.vpbx.admin.store.jdbc.JdbcCallerIdStore;
import io.vpbx.admin.store.jdbc.JdbcContactChangeStore;
import io.vpbx.admin.store.jdbc.JdbcDepartmentStore;
import io.vpbx.admin.store.jdbc.JdbcScheduleStore;
import io.vpbx.admin.domain.schedule.ScheduleHoursCodec;
import io.vpbx.admin.service.schedules.ScheduleService;
import io.vpbx.admin.store.jdbc.JdbcEmployeeStore;
import io.vpbx.admin.store.jdbc.JdbcEndUserStore;
import io.vpbx.admin.store.jdbc.JdbcIdempotencyStore;
import io.vpbx.admin.store.jdbc.JdbcM2mDeviceStore;
import io.vpbx.admin.store.jdbc.JdbcMediaStore;
import io.vpbx.admin.store.jdbc.JdbcScenarioStore;
import io.vpbx.admin.domain.scenario.ScenarioCodec;
import io.vpbx.admin.domain.scenario.ScenarioRules;
import io.vpbx.admin.service.scenarios.ScenarioReferences;
import io.vpbx.admin.service.scenarios.ScenarioService;
import io.vpbx.admin.service.scenarios.ScheduleReferences;
import io.vpbx.admin.service.media.AudioConversion;
import io.vpbx.admin.service.media.MediaService;
import io.vpbx.admin.store.jdbc.JdbcNumberStore;
import io.vpbx.admin.store.jdbc.JdbcOutboxStore;
import io.vpbx.admin.store.jdbc.JdbcRegistrationStatusStore;
import io.vpbx.admin.store.jdbc.JdbcRegistryRequestStore;
import io.vpbx.admin.store.jdbc.JdbcReservationStore;
import io.vpbx.admin.store.jdbc.JdbcSettingsStore;
import io.vpbx.admin.store.jdbc.JdbcThirdPartyNumberStore;
import io.vpbx.admin.store.jdbc.JdbcTrunkStore;
import io.vpbx.admin.service.mail.AfterCommitEmailGateway;
import io.vpbx.admin.service.mail.MailSender;
import io.vpbx.admin.service.contacts.EmailGateway;
import io.vpbx.admin.service.mail.OutboxMailSender;
import io.vpbx.admin.service.mail.SmtpMailSender;
import io.vpbx.admin.service.voicemail.MailDeliveryWorker;
import io.vpbx.admin.service.voicemail.RetrySchedule;
import io.vpbx.admin.service.voicemail.VoicemailService;
import io.vpbx.admin.store.jdbc.JdbcMailQueueStore;
import io.vpbx.admin.store.jdbc.JdbcDocumentFileStore;
import io.vpbx.admin.store.jdbc.JdbcConsentStore;
import io.vpbx.admin.store.jdbc.JdbcRealNameReportStore;
import io.vpbx.admin.store.jdbc.JdbcVoicemailStore;
import io.vpbx.admin.service.Sealer;
import io.vpbx.admin.service.events.AuditedEvents;
import io.vpbx.admin.service.events.CallEvents;
import io.vpbx.admin.service.events.EventBody;
import io.vpbx.admin.service.events.EventOutbox;
import io.vpbx.admin.service.events.VertxWebhookSender;
import io.vpbx.admin.service.events.WebhookDeliveryWorker;
import io.vpbx.admin.service.events.WebhookSecrets;
import io.vpbx.admin.service.events.WebhookService;
import io.vpbx.admin.service.events.WebhookTargets;
import io.vpbx.admin.store.jdbc.JdbcEventStore;
import io.vpbx.admin.store.jdbc.JdbcWebhookStore;
import io.vpbx.admin.store.jdbc.JdbcSessionStore;
import io.vpbx.admin.store.jdbc.JdbcSignInStore;
import io.vpbx.admin.store.jdbc.JdbcUserStore;
import io.vpbx.admin.domain.people.Backoff;
import io.vpbx.admin.domain.people.PasswordPolicy;
import io.vpbx.admin.domain.people.SessionSecrets;
import io.vpbx.admin.service.people.Invitations;
import io.vpbx.admin.service.people.LoginJournal;
import io.vpbx.admin.service.people.PasswordHasher;
import io.vpbx.admin.service.people.SessionService;
import io.vpbx.admin.service.people.SignInService;
import io.vpbx.admin.service.people.SignInThrottle;
import io.vpbx.admin.service.people.UserService;
import io.vpbx.config.ConsoleConfig;
import io.vpbx.config.MailConfig;
import io.vpbx.config.SmsConfig;
import io.vpbx.config.WebhooksConfig;
import io.vpbx.admin.service.contacts.SmsGateway;
import io.vpbx.admin.service.sms.HttpSmsSender;
import io.vpbx.admin.service.sms.QueuedSmsGateway;
import io.vpbx.admin.service.sms.SmppSmsSender;
import io.vpbx.admin.service.sms.SmsDeliveryWorker;
import io.vpbx.admin.service.sms.SmsSender;
import io.vpbx.admin.store.jdbc.JdbcSmsQueueStore;
import io.vpbx.admin.store.jdbc.JdbcReminderStore;
import io.vpbx.admin.service.compliance.DeadlineReminders;
import io.vpbx.admin.service.thirdparty.RegistrationFailureNotice;
import io.vpbx.config.VpbxConfig;
import io.vpbx.telephony.egress.HostResolver;
import io.vpbx.telephony.egress.PrivateTargets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The admin side's object graph, built with {@code new} in one place: stores over the database,
 * services over the stores, and the HTTP API over the services. The server's composition root makes
 * one of these and the SIP side next to it.
 */
public final class AdminModule implements AutoCloseable {
    private final VpbxConfig config;
    private final Database database;
    private final Clock clock;
    private final PrometheusMeterRegistry registry;
    private final ObjectMapper mapper = JsonMappers.create();
    private final PhoneNumberParser parser = new PhoneNumberParser();
    private final ForwardingCodec codec = new ForwardingCodec(mapper, parser);
    private final ScenarioCodec scenarioCodec = new ScenarioCodec(mapper, codec);
    private final NumberLifecycle lifecycle = new NumberLifecycle();
    private final ApiKeys keys = new ApiKeys(new SecureRandom());

    private final JdbcAccountStore accounts = new JdbcAccountStore();
    private final JdbcAccountLimitStore accountLimits = new JdbcAccountLimitStore();
    private final JdbcNumberStore numbers = new JdbcNumberStore(mapper, codec);
    private final JdbcReservationStore reservations = new JdbcReservationStore();
    private final JdbcIdempotencyStore idempotency = new JdbcIdempotencyStore();
    private final JdbcAuditStore audit = new JdbcAuditStore(mapper);
    private final JdbcCallRecordStore callRecordStore = new JdbcCallRecordStore(mapper);
    private final JdbcSettingsStore settings = new JdbcSettingsStore();
    private final JdbcEmployeeStore employees = new JdbcEmployeeStore();
    private final JdbcDepartmentStore departments = new JdbcDepartmentStore();
    private final ScheduleHoursCodec scheduleCodec = new ScheduleHoursCodec();
    private final JdbcScheduleStore schedules = new JdbcScheduleStore(scheduleCodec, mapper);
    private final JdbcContactChangeStore contactChanges = new JdbcContactChangeStore();
    private final JdbcOutboxStore outbox = new JdbcOutboxStore();
    /** Seals end users' personal data with the document key ring, read when first used (loaded in {@link #prepare}). */
    private final JdbcEndUserStore endUsers;
    private final JdbcM2mDeviceStore m2mDevices = new JdbcM2mDeviceStore();
    private final JdbcBindingStore bindings = new JdbcBindingStore();
    private final JdbcRegistryRequestStore registryRequests = new JdbcRegistryRequestStore();
    private final JdbcCallerIdStore callerIds = new JdbcCallerIdStore();
    private final JdbcTrunkStore trunks = new JdbcTrunkStore();
    private final JdbcThirdPartyNumberStore thirdPartyLines = new JdbcThirdPartyNumberStore();
    private final JdbcRegistrationStatusStore registrationStatuses = new JdbcRegistrationStatusStore();
    private final JdbcForwardingConsentStore forwardingConsents = new JdbcForwardingConsentStore();
    private final JdbcApiKeyStore apiKeys = new JdbcApiKeyStore();
    private final JdbcMediaStore media = new JdbcMediaStore();
    private final JdbcScenarioStore scenarios = new JdbcScenarioStore();
    private final JdbcVoicemailStore voicemailStore = new JdbcVoicemailStore();
    private final JdbcMailQueueStore mailQueue = new JdbcMailQueueStore();
    private final JdbcWebhookStore webhookStore = new JdbcWebhookStore();
    private final JdbcEventStore eventStore = new JdbcEventStore();
    private final JdbcSmsQueueStore smsQueue = new JdbcSmsQueueStore();
    private final JdbcDocumentFileStore documentFiles = new JdbcDocumentFileStore();
    private final JdbcConsentStore consentStore = new JdbcConsentStore();
    private final JdbcUserStore users = new JdbcUserStore();
    private final JdbcSessionStore userSessions = new JdbcSessionStore();
    private final JdbcSignInStore signIns = new JdbcSignInStore();
    private final StateRegistry stateRegistry = new EmbeddedStateRegistry();
    private final CallPolicy callPolicy = new CallPolicy();

    private final Auditor auditor;
    private final PriceTable prices;
    private final LifecycleSweeper sweeper;
    private final IdempotencyPurge idempotencyPurge;
    private final ComplianceKeys complianceKeys;
    /** Told when an end user's document status changes, inside that transaction: suspends and restores their numbers. */
    private final NumberSuspensions suspensions;
    private final ComplianceSweeper complianceSweeper;
    private final Resealer resealer;
    private final Resealer lineResealer;
    /** Document files (authorization letters, scans), sealed with the identity documents' key ring. */
    private final Resealer fileResealer;
    /** Third-party line passwords, sealed with the identity documents' key ring. */
    private final LinePasswords linePasswords;
    /** Where the SIP side reports third-party registrations. */
    private final RegistrationReports registrationReports;
    /** Call records from the SIP proxy, written in batches on a thread of its own. */
    private final CallRecordWriter callRecords;
    /** When API keys were last used, written with the maintenance rather than on each request. */
    private final ApiKeyUsage keyUsage;
    private final Authenticator authenticator;
    /** Voicemails: stored from the call side, read through the API, swept at the end of their retention. */
    private final VoicemailService voicemails;
    /** Sends queued voicemails by mail (SMTP, or the development outbox when mail.host is empty). */
    private final MailDeliveryWorker mailDelivery;
    /** Events for accounts' webhooks, written in the transaction of their cause. */
    private final EventOutbox eventOutbox;
    /** Seals what vpbx must read back (webhook secrets, queued SMS) with the identity documents' key ring. */
    private final Sealer sealer;
    private final WebhookSecrets webhookSecrets;
    private final WebhookTargets webhookTargets;
    /** Made on the server's Vert.x by {@link #webhookDelivery}; null until then. */
    private volatile WebhookDeliveryWorker webhookDelivery;
    private VertxWebhookSender webhookSender;
    /** Text messages: the development outbox (sms.gateway=outbox), or queued for the SMS worker. */
    private final SmsGateway smsGateway;
    /** Reminders 7 days and 1 day before a binding's confirmation deadline; sent with the maintenance. */
    private final DeadlineReminders deadlineReminders;
    /** Sends queued text messages through SMPP or HTTP; absent with the development outbox. */
    private final Optional<SmsDeliveryWorker> smsDelivery;
    /** Short mails announcing a change (invitations). */
    private final EmailGateway notices;
    /** Failed sign-ins per e-mail and source, shared by the nodes; old counts go with the maintenance. */
    private final SignInThrottle signInThrottle;

    public AdminModule(VpbxConfig config, Database database, Clock clock, PrometheusMeterRegistry registry) {
        this(config, database, clock, registry, ChangeListener.NONE);
    }

    /** {@code changes} hears of every committed change (the server points it at the SIP routing table). */
    public AdminModule(VpbxConfig config, Database database, Clock clock, PrometheusMeterRegistry registry, ChangeListener changes) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.registry = registry;
        this.prices = PriceTables.load(config.catalog().priceTable());
        this.eventOutbox = new EventOutbox(webhookStore, eventStore, mapper, clock, this::nudgeWebhooks);
        AuditedEvents auditedEvents = new AuditedEvents();
        this.auditor = new Auditor(audit, clock, changes, (tx, entry) -> eventOutbox.record(tx, auditedEvents.of(entry)));
        this.sweeper = new LifecycleSweeper(database, numbers, reservations, lifecycle, auditor, clock);
        this.idempotencyPurge = new IdempotencyPurge(database, idempotency, clock, config.api().idempotencyRetention());
        this.complianceKeys = new ComplianceKeys(config.compliance(), config.storage().dataDir(), new SecureRandom());
        this.endUsers = new JdbcEndUserStore(complianceKeys::documentKeys);
        this.suspensions = new NumberSuspensions(numbers, bindings, auditor, clock);
        this.resealer = Resealer.documents(database, endUsers, complianceKeys::documentKeys, new SecureRandom());
        this.complianceSweeper = new ComplianceSweeper(database, numbers, bindings, endUsers, documentFiles, lifecycle,
                new ExpiryCheck(endUsers, documentFiles, accounts, new OutboxEmailGateway(outbox, clock), suspensions, auditor, clock),
                auditor, clock, config.compliance());
        this.fileResealer = Resealer.documentFiles(database, documentFiles, complianceKeys::documentKeys, new SecureRandom());
        this.linePasswords = new LinePasswords(complianceKeys::documentKeys, new SecureRandom());
        this.lineResealer = Resealer.linePasswords(database, thirdPartyLines, complianceKeys::documentKeys, new SecureRandom());
        this.registrationReports = new RegistrationReports(database, thirdPartyLines, registrationStatuses, eventOutbox,
                new RegistrationFailureNotice(accounts, new OutboxEmailGateway(outbox, clock)));
        CallEvents callEvents = new CallEvents();
        this.callRecords = new CallRecordWriter(database, callRecordStore, registry,
                new CallRecordJournal(config.storage().outageDir().resolve("call-records.journal"), mapper),
                config.storage().outage().heldRecords(),
                (tx, batch) -> eventOutbox.record(tx, batch.stream().flatMap(record -> callEvents.of(record).stream()).toList()),
                (tx, batch) -> eventOutbox.record(tx, batch.stream().map(callEvents::of).toList()));
        this.keyUsage = new ApiKeyUsage(database, apiKeys);
        this.authenticator = new Authenticator(database, apiKeys, keyUsage, clock, config.api().keyRecheckInterval());
        this.voicemails = new VoicemailService(database, voicemailStore, mailQueue, auditor, clock, config.voicemail().retention(),
                eventOutbox);
        this.sealer = new Sealer(complianceKeys::documentKeys, new SecureRandom());
        this.webhookSecrets = new WebhookSecrets(sealer, new SecureRandom());
        SmsConfig sms = config.sms();
        if (sms.real()) {
            SmsSender smsSender = sms.gateway().equals("smpp") ? new SmppSmsSender(sms) : new HttpSmsSender(sms, mapper);
            SmsDeliveryWorker worker = new SmsDeliveryWorker(database, smsQueue, sealer, smsSender, new RetrySchedule(sms.retryBase(),
                    sms.retryMax(), sms.giveUpAfter(), new SecureRandom()::nextDouble), sms.timeout(), clock, registry);
            this.smsDelivery = Optional.of(worker);
            this.smsGateway = new QueuedSmsGateway(smsQueue, sealer, clock, worker::nudge);
        } else {
            this.smsDelivery = Optional.empty();
            this.smsGateway = new OutboxSmsGateway(outbox, clock);
        }
        this.deadlineReminders = new DeadlineReminders(database, bindings, new JdbcReminderStore(), accounts, endUsers, eventOutbox,
                new OutboxEmailGateway(outbox, clock), smsGateway, clock);
        // webhook URLs follow the rule of hosts accounts give for SIP: no private targets unless the operator allows the range
        this.webhookTargets = new WebhookTargets(new PrivateTargets(config.security().allowedPrivateTargets()), HostResolver.system());
        MailConfig mail = config.mail();
        MailSender sender = mail.smtp() ? new SmtpMailSender(mail, clock) : new OutboxMailSender(database, outbox, clock);
        // notices such as invitations: in the transaction to the development outbox, or by SMTP once committed
        this.notices = mail.smtp() ? new AfterCommitEmailGateway(sender, task -> Thread.ofVirtual().name("mail-notice").start(task))
                : new OutboxEmailGateway(outbox, clock);
        this.mailDelivery = new MailDeliveryWorker(database, mailQueue, voicemailStore, employees, sender,
                new RetrySchedule(mail.retryBase(), mail.retryMax(), mail.giveUpAfter(), new SecureRandom()::nextDouble),
                mail.timeout(), clock, registry);
        ConsoleConfig console = config.console();
        this.signInThrottle = new SignInThrottle(signIns, new Backoff(console.lockoutAfter(), console.lockoutBase(), console.lockoutMax()),
                clock);
    }

    /**
     * Registers the operator key (or generates one on first start), reprices the catalog if the table changed
     * and starts the call record writer.
     */
    public Optional<ApiKey> prepare() {
        prepareOffline();
        new PriceTableSync(database, numbers, settings).sync(prices);
        return new OperatorKeyBootstrap(database, accounts, keys, clock).ensure(config.security().operatorKey());
    }

    /**
     * What a node needs before its database answers: the call record writer (it holds records until then) and the
     * document keys (third-party line passwords in the routing snapshot are sealed with them).
     */
    public void prepareOffline() {
        callRecords.start();
        complianceKeys.load();
    }

    /** The routing table's read access over {@code from}: the routing snapshot when the database is down at start. */
    public RoutingSource routingSource(Transactions from) {
        return new RoutingSource(from, numbers, trunks, departments, schedules, employees, thirdPartyLines, linePasswords,
                accountLimits, config.limits(), scenarios, scenarioCodec, mapper, callerIds);
    }

    /** Read access for the routing table: numbers in service with their settings and permissions, trunks, departments, mobiles. */
    public RoutingSource routingSource() {
        return new RoutingSource(database, numbers, trunks, departments, schedules, employees, thirdPartyLines, linePasswords,
                accountLimits, config.limits(), scenarios, scenarioCodec, mapper, callerIds);
    }

    /** Where the SIP side reports how third-party registrations go: status and history, one transaction per batch. */
    public RegistrationReports thirdPartyRegistrations() {
        return registrationReports;
    }

    /** Where the SIP proxy hands finished calls; queued, then written in batches until {@link #close}. */
    public CallRecordWriter callRecords() {
        return callRecords;
    }

    /** Where the call side's voicemails are stored and their mail queued. */
    public VoicemailService voicemails() {
        return voicemails;
    }

    /** The worker that sends queued voicemail mail; the server starts it (tests may run its rounds themselves). */
    public MailDeliveryWorker mailDelivery() {
        return mailDelivery;
    }

    /**
     * The worker that delivers webhook events, made on first call with its HTTP client on {@code vertx}; the server
     * starts it (tests may run its rounds themselves).
     */
    public synchronized WebhookDeliveryWorker webhookDelivery(Vertx vertx) {
        if (webhookDelivery == null) {
            WebhooksConfig hooks = config.webhooks();
            webhookSender = new VertxWebhookSender(vertx, hooks.timeout(), hooks.maxInFlight());
            webhookDelivery = new WebhookDeliveryWorker(database, eventStore, webhookStore, webhookSecrets, webhookTargets,
                    webhookSender, new RetrySchedule(hooks.retryBase(), hooks.retryMax(), hooks.giveUpAfter(),
                    new SecureRandom()::nextDouble), new EventBody(mapper), hooks.concurrency(), hooks.maxInFlight(),
                    hooks.timeout(), clock, registry);
        }
        return webhookDelivery;
    }

    /** The worker that sends queued text messages, when sms.gateway is smpp or http; the server starts it. */
    public Optional<SmsDeliveryWorker> smsDelivery() {
        return smsDelivery;
    }

    private void nudgeWebhooks() {
        WebhookDeliveryWorker worker = webhookDelivery;
        if (worker != null) {
            worker.nudge();
        }
    }

    /** Writes the call records still queued. Close after the SIP side has stopped and before the database. */
    @Override
    public void close() {
        mailDelivery.close();
        smsDelivery.ifPresent(SmsDeliveryWorker::close);
        synchronized (this) {
            if (webhookDelivery != null) {
                webhookDelivery.close();
                webhookSender.close();
            }
        }
        callRecords.close();
        keyUsage.flush();
    }

    public LifecycleSweeper sweeper() {
        return sweeper;
    }

    /**
     * The periodic housekeeping: numbers whose time is up go back to the catalog, compliance deadlines are
     * applied, documents and line passwords sealed under a retired key are sealed again, old idempotency keys go,
     * voicemails older than voicemail.retention are deleted, sign-in failure counts a day old and sessions and sign-in
     * challenges that ended a day ago are forgotten, login journal lines older than console.journal-retention go.
     */
    public void runMaintenance() {
        sweeper.sweepOnce();
        complianceSweeper.sweepOnce();
        deadlineReminders.sendDue();
        resealer.resealOnce();
        lineResealer.resealOnce();
        fileResealer.resealOnce();
        idempotencyPurge.purgeOnce();
        voicemails.sweepExpired();
        purgeEvents();
        keyUsage.flush();
        database.inTransaction(signInThrottle::purge);
        database.inTransaction(tx -> userSessions.purgeEnded(tx, clock.instant().minus(java.time.Duration.ofDays(1))));
        database.inTransaction(tx -> signIns.purgeJournal(tx, clock.instant().minus(config.console().journalRetention())));
    }

    /** Events older than webhooks.retention with nothing queued go, with their delivery log; a bounded step per sweep. */
    private void purgeEvents() {
        java.time.Instant cutoff = clock.instant().minus(config.webhooks().retention());
        database.inTransaction(tx -> eventStore.purge(tx, cutoff, 1000));
    }

    /** The admin API's router on {@code vertx}; its blocking work (JDBC) runs through {@code blocking}. */
    public Router router(Vertx vertx, BlockingWork blocking) {
        return router(vertx, blocking, Optional.empty());
    }

    /** The same, with the SIP side's simulation of calls behind POST /v1/numbers/{number}/simulate. */
    public Router router(Vertx vertx, BlockingWork blocking, Optional<CallSimulator> simulator) {
        return router(vertx, blocking, simulator, database::answers);
    }

    /** The same, /health/ready answering {@code ready} (the server adds its degraded mode to the database's answer). */
    public Router router(Vertx vertx, BlockingWork blocking, Optional<CallSimulator> simulator, BooleanSupplier ready) {
        NumberInputs inputs = new NumberInputs(parser);
        ForwardingReferences references = new ForwardingReferences(employees, departments, numbers, forwardingConsents, media,
                scenarios, schedules);
        SettingsDiff diff = new SettingsDiff(codec);
        ForeignForwardings foreign = new ForeignForwardings(numbers, diff, auditor);
        ForeignForwardingRelease foreignRelease = new ForeignForwardingRelease(foreign, forwardingConsents);
        CatalogLimits catalogLimits = new CatalogLimits(accounts, accountLimits, config.limits(), registry);
        ConfirmationCodes confirmationCodes = new ConfirmationCodes(new SecureRandom());
        Consents consents = new Consents(database, consentStore, endUsers, bindings, numbers, documentFiles, lifecycle, auditor, clock);
        EndUserService endUserService = new EndUserService(database, endUsers, new InUseGuard(List.of(endUsers::bindingsOf)), inputs,
                        new IdentityDocuments(DocumentCatalogue.bundled(), complianceKeys::documentKeys, complianceKeys::fingerprintKey,
                                new SecureRandom()),
                        suspensions, consents::record, auditor, clock);
        BindingService binder = new BindingService(database, numbers, bindings, registryRequests, endUsers, m2mDevices, stateRegistry,
                smsGateway, confirmationCodes,
                new FilesOnRecord(documentFiles, config.compliance().documentFilesRequired()), auditor, clock, config.compliance());
        RegistryService registryService = new RegistryService(database, registryRequests, bindings, numbers, lifecycle, stateRegistry,
                confirmationCodes, auditor, clock);
        // hosts accounts give are checked against the operator's private ranges when saved (the SIP side again on use)
        TargetHosts targetHosts = new TargetHosts(new PrivateTargets(config.security().allowedPrivateTargets()),
                HostResolver.system());
        AdminApi.Services services = new AdminApi.Services(
                new AccountService(database, accounts, keys, auditor, clock),
                authenticator,
                new CatalogImport(database, numbers, new CatalogEntryFactory(CategoryClassifier.bundled(), prices), parser,
                        auditor, clock, config.catalog().importMaxRange()),
                new CatalogSearch(database, numbers),
                new ReservationService(database, numbers, reservations, lifecycle, inputs, auditor, clock,
                        config.catalog().reservationTtl(), catalogLimits),
                new PurchaseService(database, numbers, reservations, idempotency, lifecycle, inputs, auditor, clock, catalogLimits),
                new NumberService(database, numbers, lifecycle, references,
                        new InUseGuard(List.of(numbers::forwardingUsers, callerIds::usersOf)),
                        List.of(new ThirdPartyRelease(thirdPartyLines), new BindingRelease(bindings, endUsers), foreignRelease), diff, auditor, clock,
                        config.catalog().quarantine(), targetHosts),
                new BulkChangeService(database, numbers, references, inputs, diff, auditor, targetHosts),
                new AuditService(database, audit),
                new CallRecordSearch(database, callRecordStore),
                inputs, codec, parser,
                new EmployeeService(database, employees, departments,
                        new InUseGuard(List.of(numbers::forwardingUsers, departments::memberships, scenarios::usersOf)),
                        inputs, auditor, clock, config.sip().realm()),
                new DepartmentService(database, departments, employees,
                        new InUseGuard(List.of(numbers::forwardingUsers, scenarios::usersOf)), auditor, clock),
                new ContactPhoneChanges(database, contactChanges, contactHolders(), new ContactCodes(new SecureRandom()),
                        smsGateway, new OutboxEmailGateway(outbox, clock), inputs, auditor, clock,
                        config.contact(), registry),
                new DevOutbox(database, outbox, config.contact().smsOutboxReadable()),
                endUserService,
                new M2mDeviceService(database, m2mDevices, new InUseGuard(List.of(m2mDevices::bindingsOf)), auditor, clock),
                binder,
                registryService,
                new CallerIdService(database, callerIds, employees, numbers, inputs, callPolicy, auditor),
                new SelfSubmissions(database, numbers, bindings, endUserService, binder, registryService, inputs),
                new TrunkService(database, trunks, accounts, auditor, clock),
                new ThirdPartyNumberService(database, thirdPartyLines, registrationStatuses, numbers, accounts,
                        new ThirdPartyNumberService.NumberEntry(parser, CategoryClassifier.bundled(), prices, lifecycle), linePasswords,
                        new InUseGuard(List.of(numbers::forwardingUsers, callerIds::usersOf)),
                        List.of(new BindingRelease(bindings, endUsers), foreignRelease), auditor, clock, targetHosts),
                new ForwardingConsents(database, forwardingConsents, numbers, accounts, foreign, auditor, clock),
                new ApiKeyService(database, apiKeys, accounts, keys, authenticator, auditor, clock),
                new AccountLimitService(database, accounts, accountLimits, config.limits(), auditor, clock, mapper),
                // what may play a clip and so keeps it from being deleted: numbers' fallbacks and scenarios
                new MediaService(database, media, new AudioConversion(config.media().maxClipLength()),
                        new InUseGuard(List.of(numbers::fallbackMediaUsers, scenarios::usersOf)), auditor, clock),
                voicemails,
                // a scenario is in use while a number forwards to it or another scenario's forward step names it
                new ScenarioService(database, scenarios, scenarioCodec, new ScenarioRules(config.scenario().maxSteps()),
                        new ScenarioReferences(media, employees, references, schedules::exists, targetHosts),
                        new InUseGuard(List.of(numbers::forwardingUsers, scenarios::usersOf)), auditor, mapper, clock),
                // what follows a schedule and so keeps it from being deleted: numbers' forwardings, scenarios' time conditions
                new ScheduleService(database, schedules, scheduleCodec, new InUseGuard(List.of(numbers::scheduleUsers,
                        scenarios::usersOf)), auditor, clock),
                scheduleCodec,
                new WebhookService(database, webhookStore, eventStore, webhookSecrets, webhookTargets, auditor, clock,
                        config.webhooks().maxSubscriptions(), this::nudgeWebhooks),
                new ComplaintStops(database, numbers, accounts, new OutboxEmailGateway(outbox, clock), auditor, clock),
                new EndUserFiles(database, endUsers, documentFiles, complianceKeys::documentKeys, new SecureRandom(), suspensions,
                        auditor, clock, config.compliance().maxDocumentFileBytes()),
                consents,
                new RealNameReport(database, new JdbcRealNameReportStore()),
                people(inputs));
        return new AdminApi(services, config.admin(), config.api(), config.media(), config.storage().dataDir().resolve("uploads"),
                mapper, registry, ready, simulator, clock).router(vertx, blocking);
    }

    /** People who sign in (ADR 0030): invitations by e-mail, sign-in with a code by SMS, sessions, the login journal. */
    private AdminApi.People people(NumberInputs inputs) {
        ConsoleConfig console = config.console();
        SecureRandom random = new SecureRandom();
        PasswordHasher hasher = new PasswordHasher(random);
        SessionSecrets secrets = new SessionSecrets(random);
        PasswordPolicy policy = PasswordPolicy.bundled();
        return new AdminApi.People(
                new UserService(database, users, userSessions, hasher, policy, inputs, auditor, clock),
                new Invitations(database, users, accounts, hasher, policy, secrets, notices, inputs, auditor, clock, console.base(),
                        console.invitationTtl()),
                new SignInService(database, users, userSessions, signIns, signInThrottle, hasher, new ContactCodes(random), secrets,
                        new OutboxSmsGateway(outbox, clock), auditor, clock, console, registry),
                new SessionService(database, userSessions, users, auditor, clock, console.sessionIdle()),
                new LoginJournal(database, signIns));
    }

    /** Answers requests the HTTP layer could not decode (414, 431, 400) in the API's problem+json shape. */
    public Handler<HttpServerRequest> invalidRequestHandler() {
        return new InvalidRequestHandler(mapper, registry);
    }

    /** Whose contact phone changes through one-time codes; end users join here with their implementation. */
    private Map<ContactHolderKind, ContactHolders> contactHolders() {
        return Map.of(ContactHolderKind.ACCOUNT, new AccountContacts(accounts),
                ContactHolderKind.END_USER, new EndUserContacts(endUsers, clock));
    }
}
