package io.vpbx.admin.domain.number;

/** Renders a parsed number in the grouping each country's users expect. Pure and stateless. */
final class PhoneNumberFormat {

    private PhoneNumberFormat() {
    }

    static String international(PhoneNumber number) {
        String n = number.nationalNumber();
        return "+" + number.country().callingCode() + " " + switch (number.country()) {
            case RU -> n.substring(0, 3) + " " + russianSubscriber(n);
            case CN -> switch (number.type()) {
                case TOLL_FREE -> "400 " + n.substring(3, 6) + " " + n.substring(6);
                case MOBILE -> n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
                case CITY -> number.region() + " " + chineseSubscriber(n.substring(number.region().length()));
            };
        };
    }

    static String national(PhoneNumber number) {
        String n = number.nationalNumber();
        return switch (number.country()) {
            case RU -> "8 (" + n.substring(0, 3) + ") " + russianSubscriber(n);
            case CN -> switch (number.type()) {
                case TOLL_FREE -> "400-" + n.substring(3, 6) + "-" + n.substring(6);
                case MOBILE -> n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
                case CITY -> "0" + number.region() + " " + chineseSubscriber(n.substring(number.region().length()));
            };
        };
    }

    /** "123-45-67" from the last 7 of 10 national digits. */
    private static String russianSubscriber(String national) {
        return national.substring(3, 6) + "-" + national.substring(6, 8) + "-" + national.substring(8);
    }

    /** "1234 5678" for 8 digits, "123 4567" for 7. */
    private static String chineseSubscriber(String subscriber) {
        int split = subscriber.length() - 4;
        return subscriber.substring(0, split) + " " + subscriber.substring(split);
    }
}
