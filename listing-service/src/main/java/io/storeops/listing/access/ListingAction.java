package io.storeops.listing.access;

import io.storeops.platform.security.StaffAction;
import io.storeops.platform.security.StaffRole;
import java.util.List;

/**
 * What staff do in the listing flow (商品上架销售流程), and which roles may, as the handbook hands
 * out the work: the supervisor and the store manager select, position, review and publish; the
 * store manager and the designer shoot; the designer retouches and builds the detail page;
 * everyone in the department reads the selling points and says so.
 */
public enum ListingAction implements StaffAction {
    /** See products, their selling points, images, pages and timeline; acknowledge the selling points. */
    SEE(
            StaffRole.MANAGER,
            StaffRole.STORE_MANAGER,
            StaffRole.SUPERVISOR,
            StaffRole.CS_PRESALE,
            StaffRole.CS_AFTERSALE,
            StaffRole.PROMOTION,
            StaffRole.ORDER_CLERK,
            StaffRole.WAREHOUSE,
            StaffRole.DESIGNER),
    /** Select and position a product (商品挑选、定位), edit its SKUs, prices and package contents, write its selling points, drop or withdraw it. */
    SELECT(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER),
    /** Upload the shoot's photographs (实物拍摄). */
    SHOOT(StaffRole.STORE_MANAGER, StaffRole.DESIGNER),
    /** Upload retouched versions (图片美化). */
    RETOUCH(StaffRole.DESIGNER),
    /** Edit and submit the item's detail page (宝贝详情编辑). */
    EDIT_PAGE(StaffRole.DESIGNER),
    /** Remark on an image, outside a verdict. */
    DISCUSS_IMAGES(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER, StaffRole.DESIGNER),
    /** Review images and detail pages (图片审核), never one's own work. */
    REVIEW(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER),
    /** Publish an approved product to the stores, retry a failed publication. */
    PUBLISH(StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER),
    /** See who has not read a product's selling points yet. */
    FOLLOW_UP(StaffRole.MANAGER, StaffRole.SUPERVISOR, StaffRole.STORE_MANAGER);

    private final List<StaffRole> roles;

    ListingAction(StaffRole... roles) {
        this.roles = List.of(roles);
    }

    @Override
    public List<StaffRole> allowedRoles() {
        return roles;
    }
}
