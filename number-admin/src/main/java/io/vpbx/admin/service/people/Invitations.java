package io.vpbx.admin.service.people;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.WireName;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.contact.EmailAddress;
import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.Invitation;
import io.vpbx.admin.domain.people.PasswordPolicy;
import io.vpbx.admin.domain.people.SessionSecrets;
import io.vpbx.admin.domain.people.UserRole;
import io.vpbx.admin.domain.people.UserState;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.service.contacts.EmailGateway;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Bringing people in (ADR 0030): an invitation by e-mail whose link, {@code <console.base-url>/#/accept/<token>},
 * works once for {@code console.invitation-ttl}; accepting it sets the password (no sign-in needed) and makes the
 * person active. Owners and admins (and the account's keys) invite into their account; the operator into any account
 * (its first owner) or, with none, its own staff.
 */
public final class Invitations {
    private final Transactions transactions;
    private final UserStore users;
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionSecrets secrets;
    private final EmailGateway email;
    private final NumberInputs inputs;
    private final Auditor auditor;
    private final Clock clock;
    private final String consoleBase;
    private final Duration invitationTtl;

    public Invitations(Transactions transactions, UserStore users, AccountStore accounts, PasswordHasher hasher, PasswordPolicy policy,
                       SessionSecrets secrets, EmailGateway email, NumberInputs inputs, Auditor auditor, Clock clock,
                       String consoleBase, Duration invitationTtl) {
        this.transactions = transactions;
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.secrets = secrets;
        this.email = email;
        this.inputs = inputs;
        this.auditor = auditor;
        this.clock = clock;
        this.consoleBase = consoleBase;
        this.invitationTtl = invitationTtl;
    }

    /**
     * Invites a person: an account's owner or admin (or key) into its account; the operator into the account named
     * by {@code accountId}, or, with none, as operator staff (role {@code operator}). The link goes by e-mail only.
     */
    public AccountUser invite(RequestContext ctx, String accountId, String emailText, String name, String roleText, String phoneText) {
        String address = EmailAddress.of("email", emailText).value().toLowerCase(Locale.ROOT);
        String checkedName = AccountUser.validName(name);
        UserRole role = UserRole.of(roleText == null ? null : roleText.trim())
                .orElseThrow(() -> new InvalidFieldException("role", "must be one of " + WireName.all(UserRole.class)));
        String phone = phoneText == null ? null : inputs.one("contact_phone", phoneText);
        String account = Membership.accountOf(ctx, accountId);
        if ((account == null) != (role == UserRole.OPERATOR)) {
            throw new InvalidFieldException("role", account == null
                    ? "the operator's own staff have the role operator; name account_id to invite into an account"
                    : "must be owner, admin, editor or viewer within an account");
        }
        Membership.requireMayManage(ctx, role);
        Instant now = clock.instant();
        String token = secrets.newToken();
        return transactions.inTransaction(tx -> {
            if (account != null && accounts.find(tx, account).isEmpty()) {
                throw new InvalidFieldException("account_id", "no account " + account);
            }
            AccountUser user = new AccountUser(UUID.randomUUID().toString(), account, address, checkedName, role, phone,
                    UserState.INVITED, now, now);
            if (!users.add(tx, user)) {
                throw new ConflictException("a person with the e-mail " + address + " exists already");
            }
            users.addInvitation(tx, new Invitation(SessionSecrets.hash(token), user.id(), now, now.plus(invitationTtl), null));
            email.send(tx, address, "Your invitation to vpbx", invitationText(checkedName, role, token, now.plus(invitationTtl)));
            auditor.record(tx, ctx, account, "user.invited", "user", user.id(), new Changes().field("email", null, address)
                    .field("name", null, checkedName).field("role", null, role.wireName()).field("contact_phone", null, phone)
                    .field("invitation_expires_at", null, now.plus(invitationTtl).toString()).list());
            return user;
        });
    }

    /** Sends an invited person a new link (the old ones keep their own expiry); 409 once the person is active. */
    public AccountUser reinvite(RequestContext ctx, String userId) {
        Instant now = clock.instant();
        String token = secrets.newToken();
        return transactions.inTransaction(tx -> {
            AccountUser user = Membership.visible(tx, users, ctx, userId);
            Membership.requireMayManage(ctx, user.role());
            if (user.state() != UserState.INVITED) {
                throw new ConflictException("the person has accepted an invitation already");
            }
            users.addInvitation(tx, new Invitation(SessionSecrets.hash(token), user.id(), now, now.plus(invitationTtl), null));
            email.send(tx, user.email(), "Your invitation to vpbx", invitationText(user.name(), user.role(), token, now.plus(invitationTtl)));
            auditor.record(tx, ctx, user.accountId(), "user.reinvited", "user", user.id(), new Changes()
                    .field("invitation_expires_at", null, now.plus(invitationTtl).toString()).list());
            return user;
        });
    }

    /** Sets the password through an invitation link (no sign-in needed): the person becomes active. */
    public AccountUser accept(String token, String password, String name, String phoneText, String sourceIp, String requestId) {
        String phone = phoneText == null ? null : inputs.one("contact_phone", phoneText);
        String checkedName = name == null ? null : AccountUser.validName(name);
        Instant now = clock.instant();
        String tokenHash = SessionSecrets.plausible(token) ? SessionSecrets.hash(token) : null;
        AccountUser invited = transactions.inTransaction(tx -> {
            Invitation invitation = tokenHash == null ? null : users.invitation(tx, tokenHash).orElse(null);
            if (invitation == null || !invitation.usableAt(now)) {
                throw new NotFoundException("invitation (it may have expired or been used; ask for a new one)");
            }
            return users.find(tx, invitation.userId()).orElseThrow(() -> new NotFoundException("invitation"));
        });
        policy.check(password, invited.email());
        if (invited.state() == UserState.DISABLED) {
            throw new NotFoundException("invitation");
        }
        String contact = phone != null ? phone : invited.contactPhone();
        if (contact == null) {
            throw new InvalidFieldException("contact_phone", "is required: sign-in codes are sent to it");
        }
        String hash = hasher.hash(password);
        return transactions.inTransaction(tx -> {
            if (!users.acceptInvitation(tx, tokenHash, now)) {
                throw new NotFoundException("invitation (it may have expired or been used; ask for a new one)");
            }
            AccountUser active = invited.with(checkedName != null ? checkedName : invited.name(), invited.role(), contact,
                    UserState.ACTIVE, now);
            users.update(tx, active);
            users.setPasswordHash(tx, active.id(), hash, now);
            RequestContext self = new RequestContext(Principal.user(active.accountId(), active.id(), active.role()), sourceIp, requestId);
            auditor.record(tx, self, active.accountId(), "user.activated", "user", active.id(), new Changes()
                    .field("state", invited.state().wireName(), UserState.ACTIVE.wireName())
                    .field("name", invited.name(), active.name()).field("contact_phone", invited.contactPhone(), contact)
                    .field("password", null, "(set)").list());
            return active;
        });
    }

    private String invitationText(String name, UserRole role, String token, Instant expiresAt) {
        return "Hello " + name + ",\n\nyou are invited to vpbx as " + role.wireName() + ".\n"
                + "Choose your password here: " + consoleBase + "/#/accept/" + token + "\n\n"
                + "The link works until " + expiresAt + ". If you did not expect it, ignore this message.\n";
    }
}
