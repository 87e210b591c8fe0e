/**
 * Phone numbers as value objects. {@link io.vpbx.admin.domain.number.PhoneNumberParser} is the one
 * place where typed or imported text becomes an E.164 {@link io.vpbx.admin.domain.number.PhoneNumber};
 * everything past the edge trusts the value. Only Russia (+7, without Kazakhstan's +76/+77) and
 * China (+86) are served.
 */
package io.vpbx.admin.domain.number;
