package io.vpbx.admin.service.numbers;

import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.service.audit.Changes;
import java.util.List;

/** The field-level difference of a number's settings, as shown in audit entries and bulk dry runs. */
public final class SettingsDiff {
    private final ForwardingCodec codec;

    public SettingsDiff(ForwardingCodec codec) {
        this.codec = codec;
    }

    public List<FieldChange> between(NumberRecord before, NumberRecord after) {
        return new Changes()
                .field("comment", before.comment(), after.comment())
                .field("forwarding", before.forwarding() == null ? null : codec.write(before.forwarding()),
                        after.forwarding() == null ? null : codec.write(after.forwarding()))
                .field("fallback", before.fallback() == null ? null : codec.write(before.fallback()),
                        after.fallback() == null ? null : codec.write(after.fallback()))
                .list();
    }
}
