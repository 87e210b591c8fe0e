package io.vpbx.admin.domain.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many of an account's active numbers in one jurisdiction have a verified holder: a confirmed binding to an end
 * user whose document is valid, or to an M2M device the operator verified. The real-name rate regulators ask for.
 */
public record RealNameRate(String accountId, String accountName, String jurisdiction, long activeNumbers, long verifiedNumbers) {

    /** The share verified, 0 to 1 with four decimals; 1 when the account has no active number there. */
    public BigDecimal rate() {
        if (activeNumbers == 0) {
            return BigDecimal.ONE.setScale(4, RoundingMode.UNNECESSARY);
        }
        return BigDecimal.valueOf(verifiedNumbers).divide(BigDecimal.valueOf(activeNumbers), 4, RoundingMode.HALF_EVEN);
    }
}
