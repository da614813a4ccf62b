package org.residencepermit.model;

/** Stable document codes of rulebook section 4, each with its Chinese name. */
public enum DocumentCode {
    ID_CARD("居民身份证"),
    HOUSEHOLD_REGISTER("居民户口簿"),
    ORIGIN_POLICE_ID_CERT("原籍公安机关出具的身份证明"),
    PHOTO("本人近期相片"),
    APPLICATION_FORM_SH("《上海市居住证申请表》"),
    ENDORSEMENT_FORM_SH("《上海市居住证签注申请表》"),
    REG_INFO_FORM_SH("居住登记信息表"),
    PERMIT_ORIGINAL("居住证原件"),
    REG_CARD_BJ("《北京市居住登记卡》"),
    REG_CERTIFICATE("居住登记凭证/回执"),
    SOCIAL_INSURANCE_RECORD("社会保险缴纳凭证"),
    TAX_RECORD("纳税凭证"),
    WORK_RESIDENCE_PERMIT_BJ("北京市工作居住证"),
    PROPERTY_CERT("房屋所有权证/不动产权证/房地产权证"),
    PURCHASE_CONTRACT("购房合同"),
    LEASE_CONTRACT("房屋租赁合同或协议"),
    LEASE_REGISTRATION_CERT("房屋租赁合同登记备案证明"),
    LODGING_CERT("房屋所有人或户主出具的寄住/借住证明"),
    LANDLORD_HOUSING_CERT("房屋出租人出具的住宿证明"),
    EMPLOYER_HOUSING_CERT("单位出具的住宿/集体宿舍证明(加盖公章)"),
    SCHOOL_HOUSING_CERT("学校出具的集体宿舍证明"),
    KINSHIP_PROOF("亲属关系证明"),
    RELATION_STATEMENT("与承租人或房主关系的书面说明"),
    LABOR_CONTRACT("劳动(聘用)合同"),
    BUSINESS_LICENSE("工商营业执照"),
    EMPLOYMENT_CERT("用人单位出具的劳动关系证明"),
    STUDENT_ID("学生证"),
    ENROLLMENT_CERT("就读学校出具的连续就读证明"),
    TALENT_CERT("人才引进/投资创业认定材料"),
    AGENT_ID("代办人身份证明"),
    PRINCIPAL_ID("委托人(申请人)身份证件"),
    GUARDIANSHIP_PROOF("监护/近亲属关系证明"),
    AUTHORIZATION_LETTER("申领人授权代办人的书面委托书"),
    RECON_APPLICATION("行政复议申请书"),
    DECISION_DOCUMENT("被申请复议的决定/书面答复");

    private final String chineseName;

    DocumentCode(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
