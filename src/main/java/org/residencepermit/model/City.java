package org.residencepermit.model;

/**
 * The city where the service is requested (rulebook 3.1); OTHER means the national default applies. Each known city
 * carries its Chinese name (without 市), so that a hukou or city name written in Chinese is recognised as the same city.
 */
public enum City {
    BEIJING("北京"), SHANGHAI("上海"), CHANGSHA("长沙"), HANGZHOU("杭州"), SHENZHEN("深圳"), GUANGZHOU("广州"), OTHER(null);

    private final String chineseName;

    City(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name without the suffix 市, or null for OTHER. */
    public String chineseName() {
        return chineseName;
    }
}
