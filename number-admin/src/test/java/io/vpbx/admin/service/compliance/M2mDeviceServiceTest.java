package io.vpbx.admin.service.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.service.Patch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** M2mDeviceService over a real H2 database: IMEI and serial rules, tenancy, the binding guard, audit. */
class M2mDeviceServiceTest {
    private static final String IMEI = "49-015420-323751-8";

    private final ComplianceTestBed bed = new ComplianceTestBed();

    @AfterEach
    void close() {
        bed.close();
    }

    private static M2mDeviceService.Draft terminal(String serial, String imei) {
        return new M2mDeviceService.Draft("payment_terminal", "Verifone VX520", serial, imei, "Moscow, Arbat 10, shop 3");
    }

    private static Patch<M2mDeviceService.Draft> patch(M2mDeviceService.Draft values, String... fields) {
        return new Patch<>(Set.of(fields), values);
    }

    private static String field(Executable call) {
        return assertThrows(InvalidFieldException.class, call).field();
    }

    @Test
    void createNormalisesTheImeiAndAudits() {
        M2mDevice created = bed.devices.create(bed.acme, terminal(null, IMEI));
        assertEquals("490154203237518", created.imei());
        assertEquals(M2mDevice.DeviceType.PAYMENT_TERMINAL, created.type());
        assertEquals(created, bed.devices.get(bed.acme, created.id()));
        assertEquals("m2m_device.created", bed.auditOf("acc-1").get(0).action());
    }

    @Test
    void badFieldsAreNamed() {
        assertEquals("imei", field(() -> bed.devices.create(bed.acme, terminal(null, "490154203237519"))), "Luhn check digit");
        assertEquals("imei", field(() -> bed.devices.create(bed.acme, terminal(null, "4901542032375"))));
        assertEquals("imei", field(() -> bed.devices.create(bed.acme, terminal(null, null))), "an IMEI or a serial is needed");
        assertEquals("serial_number", field(() -> bed.devices.create(bed.acme, terminal("SN 1", null))));
        assertEquals("type", field(() -> bed.devices.create(bed.acme,
                new M2mDeviceService.Draft("toaster", "X", "SN-1", null, "Moscow"))));
        assertEquals("model", field(() -> bed.devices.create(bed.acme,
                new M2mDeviceService.Draft("modem", " ", "SN-1", null, "Moscow"))));
        assertEquals("installation_address", field(() -> bed.devices.create(bed.acme,
                new M2mDeviceService.Draft("modem", "E3372", "SN-1", null, null))));
        assertTrue(bed.devices.list(bed.acme, null, 10).isEmpty());
    }

    @Test
    void patchMergesAndKeepsAnIdentifier() {
        M2mDevice created = bed.devices.create(bed.acme, terminal("VX-0001", IMEI));
        M2mDevice noImei = bed.devices.update(bed.acme, created.id(), patch(terminal(null, null), "imei"));
        assertNull(noImei.imei());
        assertEquals("VX-0001", noImei.serialNumber());
        assertEquals("imei", field(() -> bed.devices.update(bed.acme, created.id(), patch(terminal(null, null), "serial_number"))));
        M2mDevice same = bed.devices.update(bed.acme, created.id(), patch(terminal("VX-0001", null), "serial_number"));
        assertSame(M2mDevice.DeviceType.PAYMENT_TERMINAL, same.type());
        assertEquals(noImei, same, "an unchanged device is not written again");
        assertEquals(List.of("m2m_device.updated", "m2m_device.created"),
                bed.auditOf("acc-1").stream().map(e -> e.action()).toList());
    }

    @Test
    void anotherAccountsDeviceIsNotFound() {
        M2mDevice created = bed.devices.create(bed.acme, terminal(null, IMEI));
        assertThrows(NotFoundException.class, () -> bed.devices.get(bed.globex, created.id()));
        assertThrows(NotFoundException.class, () -> bed.devices.update(bed.globex, created.id(), patch(terminal("X-1", null),
                "serial_number")));
        assertThrows(NotFoundException.class, () -> bed.devices.delete(bed.globex, created.id()));
        assertTrue(bed.devices.list(bed.globex, null, 10).isEmpty());
    }

    @Test
    void deleteIsRefusedWhileANumberIsBound() {
        M2mDevice bound = bed.devices.create(bed.acme, terminal(null, IMEI));
        bed.bind("+74951230001", "m2m_device", bound.id());
        ConflictException inUse = assertThrows(ConflictException.class, () -> bed.devices.delete(bed.acme, bound.id()));
        assertEquals(List.of("binding of number +74951230001"), inUse.blockers());
        M2mDevice free = bed.devices.create(bed.acme, terminal("SN-2", null));
        bed.devices.delete(bed.acme, free.id());
        assertThrows(NotFoundException.class, () -> bed.devices.get(bed.acme, free.id()));
    }
}
