package org.residencepermit.model;

/** Where a procedure can be carried out (rulebook section 8). */
public enum Channel {
    OFFLINE_RESIDENCE_POLICE_STATION("居住地公安派出所", false),
    OFFLINE_ANY_POLICE_STATION_BJ("北京市任一派出所(异地签注)", false),
    OFFLINE_FLOW_STATION_BJ("流动人口和出租房屋服务站(流管站)", false),
    OFFLINE_ENTRUSTED_COMMUNITY_BODY("受公安机关委托的社区服务机构", false),
    OFFLINE_SH_COMMUNITY_CENTER("社区事务受理服务中心", false),
    OFFLINE_SZ_STREET_HALL("街道行政服务大厅", false),
    ONLINE_BJ_PLATFORM_APPOINTMENT("北京市居住证服务平台(网上预约)", true),
    ONLINE_BJ_WECHAT("微信公众号「北京市居住证」", true),
    ONLINE_BEIJINGTONG("北京通", true),
    ONLINE_SUISHENBAN("随申办市民云", true),
    ONLINE_CS_WODECHANGSHA("我的长沙", true),
    ONLINE_CS_POLICE_WECHAT("长沙公安", true),
    ONLINE_CS_BMFWQ("便民服务桥", true),
    ONLINE_ZJ_MOBILE("浙里办等移动终端或互联网渠道", true),
    ONLINE_SZ_PLATFORM("深圳经济特区居住证服务平台", true),
    PICKUP_CS_JINDUN_ROAD("雨花区金盾路30号人口与出入境管理支队接待大厅(领证)", false),
    PICKUP_CS_LOCAL_STATION("居住地派出所(领证)", false),
    RECON_COUNTY_GOVERNMENT("作出决定的公安机关的本级人民政府(行政复议)", false),
    RECON_HIGHER_PSB("上一级公安机关(行政复议，2024年1月1日前可选)", false),
    COURT("人民法院(行政诉讼)", false);

    private final String chineseName;
    private final boolean online;

    Channel(String chineseName, boolean online) {
        this.chineseName = chineseName;
        this.online = online;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean online() {
        return online;
    }
}
