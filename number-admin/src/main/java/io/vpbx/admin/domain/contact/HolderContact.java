package io.vpbx.admin.domain.contact;

/** A holder's contact details on file: phone (E.164) and email, either possibly absent. */
public record HolderContact(String phone, String email) {
}
