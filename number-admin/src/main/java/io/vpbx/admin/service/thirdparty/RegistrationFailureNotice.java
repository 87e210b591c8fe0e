package io.vpbx.admin.service.thirdparty;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.thirdparty.RegistrationStatus;
import io.vpbx.admin.service.contacts.EmailGateway;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.uplink.RegistrationState;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells an account by e-mail (its contact address) that one of its third-party lines lost its registration: once per
 * change into retrying or failed_auth, in the transaction that records the change (not for every failed refresh).
 */
public final class RegistrationFailureNotice {
    private final AccountStore accounts;
    private final EmailGateway email;

    public RegistrationFailureNotice(AccountStore accounts, EmailGateway email) {
        this.accounts = accounts;
        this.email = email;
    }

    /** Whether going from {@code previous} (null: no report yet) to {@code next} is a failure to tell (pure). */
    public static boolean isFailure(RegistrationStatus previous, RegistrationStatus next) {
        boolean failing = next.state() == RegistrationState.RETRYING || next.state() == RegistrationState.FAILED_AUTH;
        return failing && (previous == null || previous.state() != next.state());
    }

    public void changed(Tx tx, String accountId, RegistrationStatus previous, RegistrationStatus next) throws SQLException {
        if (!isFailure(previous, next)) {
            return;
        }
        Optional<String> to = accounts.find(tx, accountId).map(Account::contactEmail);
        if (to.isEmpty()) {
            return;
        }
        String answer = next.lastCode() == null ? "no answer" : next.lastCode() + (next.lastReason() == null ? "" : " " + next.lastReason());
        email.send(tx, to.get(), "Line " + next.e164() + " is not registered (" + next.state().wireName() + ")",
                "vpbx: the third-party line " + next.e164() + " lost its registration with its operator (" + answer + "). "
                        + (next.state() == RegistrationState.FAILED_AUTH
                        ? "The operator refuses its login and password; vpbx stops trying until the line is changed."
                        : "vpbx keeps trying" + (next.nextAttemptAt() == null ? "." : "; next attempt at " + next.nextAttemptAt() + ".")));
    }
}
