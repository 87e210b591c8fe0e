package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.store.AccountLimitStore;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.ApiKeyStore;
import io.vpbx.admin.store.AuditStore;
import io.vpbx.admin.store.CallRecordStore;
import io.vpbx.admin.store.ContactChangeStore;
import io.vpbx.admin.store.DepartmentStore;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.ForwardingConsentStore;
import io.vpbx.admin.store.M2mDeviceStore;
import io.vpbx.admin.store.MediaStore;
import io.vpbx.admin.store.MailQueueStore;
import io.vpbx.admin.store.VoicemailStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.OutboxStore;
import io.vpbx.admin.store.RegistrationStatusStore;
import io.vpbx.admin.store.ScenarioStore;
import io.vpbx.admin.store.ScheduleStore;
import io.vpbx.admin.store.SipAccountStore;
import io.vpbx.admin.domain.schedule.ScheduleHoursCodec;
import io.vpbx.admin.store.SipRegistrationStore;
import io.vpbx.admin.store.StoreContract;
import io.vpbx.admin.store.ThirdPartyNumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.TrunkStore;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The JDBC backend of the store contracts: a fresh migrated database per test (an in-memory H2, or a new schema in
 * PostgreSQL) and the JDBC store of every store interface. A backend test is one line:
 * {@code class TrunkStoreH2Test extends JdbcStoreTest implements TrunkStoreContract}.
 */
abstract class JdbcStoreTest implements StoreContract {
    private final String kind;
    private TestDatabases.TestDatabase db;

    JdbcStoreTest(String kind) {
        this.kind = kind;
    }

    @BeforeEach
    void openDatabase() {
        db = TestDatabases.of(kind);
        seed();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Override
    public Transactions transactions() {
        return db.database();
    }

    /** "h2" or "postgresql": for the contracts that also test a migration of an older schema. */
    public String kind() {
        return kind;
    }

    /** Raw SQL access, for the contracts that tamper with rows behind the store's back. */
    public DataSource dataSource() {
        return db.database().dataSource();
    }

    @Override
    public AccountStore accounts() {
        return new JdbcAccountStore();
    }

    public io.vpbx.admin.store.UserStore users() {
        return new JdbcUserStore();
    }

    public io.vpbx.admin.store.SessionStore userSessions() {
        return new JdbcSessionStore();
    }

    public io.vpbx.admin.store.SignInStore signIns() {
        return new JdbcSignInStore();
    }

    public AccountLimitStore accountLimits() {
        return new JdbcAccountLimitStore();
    }

    public ApiKeyStore apiKeys() {
        return new JdbcApiKeyStore();
    }

    public AuditStore audit() {
        return new JdbcAuditStore(JsonMappers.create());
    }

    public CallRecordStore callRecords() {
        return new JdbcCallRecordStore(JsonMappers.create());
    }

    public ContactChangeStore contactChanges() {
        return new JdbcContactChangeStore();
    }

    public OutboxStore outbox() {
        return new JdbcOutboxStore();
    }

    public DepartmentStore departments() {
        return new JdbcDepartmentStore();
    }

    public EmployeeStore employees() {
        return new JdbcEmployeeStore();
    }

    public EndUserStore endUsers() {
        return new JdbcEndUserStore(() -> io.vpbx.admin.domain.identity.KeyRing.parse("t1:" + "A".repeat(43) + "="));
    }

    public ForwardingConsentStore forwardingConsents() {
        return new JdbcForwardingConsentStore();
    }

    public M2mDeviceStore m2mDevices() {
        return new JdbcM2mDeviceStore();
    }

    public MediaStore media() {
        return new JdbcMediaStore();
    }

    public NumberStore numbers() {
        return new JdbcNumberStore(JsonMappers.create(), new ForwardingCodec(JsonMappers.create(), new PhoneNumberParser()));
    }

    public ScenarioStore scenarios() {
        return new JdbcScenarioStore();
    }

    public ScheduleStore schedules() {
        return new JdbcScheduleStore(new ScheduleHoursCodec(), JsonMappers.create());
    }

    public SipAccountStore sipAccounts() {
        return new JdbcSipAccountStore();
    }

    public SipRegistrationStore sipRegistrations() {
        return new JdbcSipRegistrationStore();
    }

    public ThirdPartyNumberStore thirdPartyLines() {
        return new JdbcThirdPartyNumberStore();
    }

    public RegistrationStatusStore registrationStatuses() {
        return new JdbcRegistrationStatusStore();
    }

    public TrunkStore trunks() {
        return new JdbcTrunkStore();
    }

    public VoicemailStore voicemails() {
        return new JdbcVoicemailStore();
    }

    public MailQueueStore mailQueue() {
        return new JdbcMailQueueStore();
    }
}
