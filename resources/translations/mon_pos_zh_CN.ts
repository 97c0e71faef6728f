<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="91"/>
        <source>previous: {0}</source>
        <translation>上期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="95"/>
        <source>{0} {1}% vs previous ({2})</source>
        <translation>{0} {1}%，较上期（{2}）</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="41"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="44"/>
        <source>Staff code</source>
        <translation>员工编号</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="47"/>
        <source>Text in subject or details</source>
        <translation>对象或详情中的文字</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="51"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="51"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="58"/>
        <source>Search (Enter)</source>
        <translation>查询 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="59"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="60"/>
        <source>Check the log is intact</source>
        <translation>校验日志完整性</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="111"/>
        <source>%1 entries (newest first)</source>
        <translation>共 %1 条（最新在前）</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="115"/>
        <source>Export the audit log</source>
        <translation>导出操作日志</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="126"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="128"/>
        <source>%1 entries exported to %2</source>
        <translation>已导出 %1 条到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="137"/>
        <source>The audit log is intact: %1 entries checked.</source>
        <translation>操作日志完整：已校验 %1 条。</translation>
    </message>
    <message>
        <location filename="../../ui/staff/audit_log.py" line="139"/>
        <source>The audit log was tampered with at entry %1 (%2). Tell the head office.</source>
        <translation>操作日志在第 %1 条（%2）处被篡改。请通知总部。</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../ui/backoffice/window.py" line="33"/>
        <source>Back office — %1</source>
        <translation>后台管理 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="45"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="46"/>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="47"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="48"/>
        <source>Transfers</source>
        <translation>调拨</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="49"/>
        <source>Stock &amp; reports</source>
        <translation>库存与报表</translation>
    </message>
</context>
<context>
    <name>BulkPriceDialog</name>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="21"/>
        <location filename="../../ui/backoffice/bulk_price.py" line="49"/>
        <source>Change prices</source>
        <translation>批量改价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="26"/>
        <source>Category %1</source>
        <translation>品类 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="28"/>
        <source>Supplier %1</source>
        <translation>供应商 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="32"/>
        <source>Retail price</source>
        <translation>零售价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="32"/>
        <source>Member price</source>
        <translation>会员价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="33"/>
        <source>Floor price</source>
        <translation>最低售价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="33"/>
        <source>Cost price</source>
        <translation>进价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="36"/>
        <source>e.g. 5 or -10</source>
        <translation>如 5 或 -10</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="37"/>
        <source>e.g. 0.50 or -1.00</source>
        <translation>如 0.50 或 -1.00</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="38"/>
        <source>Products</source>
        <translation>商品范围</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="38"/>
        <source>Price</source>
        <translation>价格类型</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="39"/>
        <source>Change by %</source>
        <translation>调整比例 %</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="39"/>
        <source>Then add ¥</source>
        <translation>再加 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/bulk_price.py" line="48"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CartTableModel</name>
    <message>
        <location filename="../../ui/models/cart_model.py" line="14"/>
        <source>Item</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/models/cart_model.py" line="14"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/models/cart_model.py" line="15"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/models/cart_model.py" line="15"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/models/cart_model.py" line="16"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message numerus="yes">
        <location filename="../../ui/channel/__init__.py" line="45"/>
        <source>%n new channel order(s): %1. Open them with %2.</source>
        <translation>
            <numerusform>%n 个新渠道订单：%1。按 %2 打开。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="10"/>
        <source>New</source>
        <translation>新订单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="11"/>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="12"/>
        <source>Picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="13"/>
        <source>Ready</source>
        <translation>待取货</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="14"/>
        <source>Picked up</source>
        <translation>已取货</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="15"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="16"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="17"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="18"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="25"/>
        <source>Online mall</source>
        <translation>线上商城</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="26"/>
        <source>Mini-program</source>
        <translation>小程序</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="27"/>
        <source>Group buy</source>
        <translation>社区团购</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="28"/>
        <source>Social shop</source>
        <translation>社交小店</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="29"/>
        <source>Another store</source>
        <translation>其他门店</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="36"/>
        <source>Pickup</source>
        <translation>到店自提</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="37"/>
        <source>Ship</source>
        <translation>门店发货</translation>
    </message>
    <message>
        <location filename="../../ui/channel/common.py" line="38"/>
        <source>Same-city delivery</source>
        <translation>同城配送</translation>
    </message>
</context>
<context>
    <name>ChannelOrdersDialog</name>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="34"/>
        <source>Channel orders</source>
        <translation>渠道订单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="48"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="48"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="48"/>
        <source>How</source>
        <translation>履约方式</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="49"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="49"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="49"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="61"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="64"/>
        <source>Open orders</source>
        <translation>未完成订单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="67"/>
        <source>All, including closed</source>
        <translation>全部（含已结束）</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="71"/>
        <source>Print a picking slip for each new order</source>
        <translation>每个新订单自动打印拣货单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="81"/>
        <location filename="../../ui/channel/orders_window.py" line="173"/>
        <source>Choose an order on the left.</source>
        <translation>请在左侧选择订单。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="91"/>
        <source>Item</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="91"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="91"/>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="91"/>
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="92"/>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="97"/>
        <source>Accept</source>
        <translation>接单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="98"/>
        <source>Reject…</source>
        <translation>拒单…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="99"/>
        <source>Start picking</source>
        <translation>开始拣货</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="100"/>
        <source>Mark ready</source>
        <translation>拣货完成</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="101"/>
        <source>Ship…</source>
        <translation>发货…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="102"/>
        <source>Print slip</source>
        <translation>打印拣货单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="107"/>
        <source>Pickup code from the customer (type or scan)</source>
        <translation>顾客的取货码（输入或扫描）</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="112"/>
        <source>Hand over</source>
        <translation>交付</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="125"/>
        <source>Group-buy pickup…</source>
        <translation>团购自提…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="127"/>
        <source>Stock at other stores…</source>
        <translation>其他门店库存…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="129"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/channel/orders_window.py" line="156"/>
        <source>%n new order(s) arrived.</source>
        <translation>
            <numerusform>收到 %n 个新订单。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="179"/>
        <source>Pickup code: %1</source>
        <translation>取货码：%1</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="194"/>
        <source>Group %1</source>
        <translation>团 %1</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="196"/>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="198"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="202"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="223"/>
        <source>Order %1 accepted.</source>
        <translation>订单 %1 已接单。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="229"/>
        <source>Reject order</source>
        <translation>拒单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="230"/>
        <source>Why is order %1 rejected? The customer reads this.</source>
        <translation>订单 %1 为什么拒单？顾客会看到这段说明。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="233"/>
        <source>Order %1 rejected.</source>
        <translation>订单 %1 已拒单。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="239"/>
        <source>Scan each item of order %1.</source>
        <translation>请逐件扫描订单 %1 的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="245"/>
        <source>Order %1 is ready.</source>
        <translation>订单 %1 已备好，等待取货。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="255"/>
        <source>Shipment of order %1 recorded.</source>
        <translation>订单 %1 的发货已登记。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="261"/>
        <source>Picking slip of order %1 sent to the printer.</source>
        <translation>订单 %1 的拣货单已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="267"/>
        <source>Pickup code %1: handed over, order completed.</source>
        <translation>取货码 %1：已交付，订单完成。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="285"/>
        <source>Choose an order and start picking it before scanning items.</source>
        <translation>请先选择订单并开始拣货，再扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="291"/>
        <source>Everything is picked. Mark the order ready.</source>
        <translation>已全部拣齐。请点“拣货完成”。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="292"/>
        <source>Still to pick: %1</source>
        <translation>还需拣：%1</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/screens/checkout.py" line="41"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="42"/>
        <source>Salesperson</source>
        <translation>导购</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="43"/>
        <source>Line salesperson</source>
        <translation>本行导购</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="44"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="45"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="46"/>
        <source>Remove line</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="47"/>
        <source>Reprint</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="48"/>
        <source>Line discount</source>
        <translation>单品折扣</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="49"/>
        <source>Hold / recall</source>
        <translation>挂单 / 取单</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="50"/>
        <source>Reprint receipt…</source>
        <translation>重打小票…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="51"/>
        <source>Order discount</source>
        <translation>整单折扣</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="52"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="53"/>
        <source>Cancel sale</source>
        <translation>整单取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="54"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="55"/>
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="57"/>
        <source>Cash</source>
        <translation>现金结算</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="101"/>
        <source>Scan / code</source>
        <translation>扫码 / 编码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="107"/>
        <source>Scan a barcode, or type a code and press Enter (3*code for three)</source>
        <translation>扫描条码，或输入编码后按回车（3*编码 = 3 件）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="139"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/checkout.py" line="224"/>
        <source>%n interrupted mobile payment(s) could not be reversed yet. They are kept and tried again at the next log in; tell a manager.</source>
        <translation>
            <numerusform>%n 笔中断的移动支付暂时无法撤销。已保留，将在下次登录时重试；请告知店长。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="352"/>
        <source>Discount on %1</source>
        <translation>%1 折扣</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="362"/>
        <source>Discount on the whole sale</source>
        <translation>整单折扣</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="371"/>
        <source>Removed: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="376"/>
        <source>Sale cancelled.</source>
        <translation>本单已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="378"/>
        <source>Void the card payment(s) on the card terminal: %1</source>
        <translation>请在刷卡机上撤销银行卡付款：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="387"/>
        <source>Sale held. Press F7 with an empty sale to recall it.</source>
        <translation>已挂单。空单时按 F7 取单。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="393"/>
        <source>No held sales.</source>
        <translation>没有挂单。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="397"/>
        <source>Held sale recalled.</source>
        <translation>已取单。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="408"/>
        <source>The sale is empty: scan something first.</source>
        <translation>本单没有商品，请先扫码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="437"/>
        <source>Refund %1: %2</source>
        <translation>退款 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="449"/>
        <source>Exchange credit %1: take the rest of the payment.</source>
        <translation>换货抵扣 %1：请收取剩余款项。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="454"/>
        <source>Exchange done: give back %1 in cash.</source>
        <translation>换货完成：请找还现金 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="459"/>
        <source>Reprint a receipt</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="460"/>
        <source>Receipt number (or scan its barcode):</source>
        <translation>小票号（或扫描小票条码）：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="470"/>
        <source>Reprinting %1 as a copy.</source>
        <translation>正在重打 %1（副本）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/checkout.py" line="481"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="483"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="486"/>
        <source>Rounding (抹零): %1</source>
        <translation>抹零：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="488"/>
        <source>Paid %1, still due %2</source>
        <translation>已付 %1，还需支付 %2</translation>
    </message>
</context>
<context>
    <name>CommissionRulesEditor</name>
    <message>
        <location filename="../../ui/members/commission.py" line="24"/>
        <source>Commission rules</source>
        <translation>提成规则</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="44"/>
        <source>Percent of net sales</source>
        <translation>按净销售额比例</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="45"/>
        <source>Fixed amount per item</source>
        <translation>每件固定金额</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="46"/>
        <source>e.g. 5 (%) or 2.00 (yuan)</source>
        <translation>如 5（%）或 2.00（元）</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="47"/>
        <source>All goods</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="47"/>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="48"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="49"/>
        <source>Category code (e.g. 服装) or SKU</source>
        <translation>品类编码（如 服装）或 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="51"/>
        <source>YYYY-MM-DD (last day, optional)</source>
        <translation>YYYY-MM-DD（截止日，可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="52"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="54"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="54"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="55"/>
        <source>Rate / amount</source>
        <translation>比例 / 金额</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="55"/>
        <source>For</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="56"/>
        <source>Category / SKU</source>
        <translation>品类 / SKU</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="56"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="57"/>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="63"/>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="65"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="68"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="96"/>
        <source>all goods</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="97"/>
        <source> (off)</source>
        <translation>（停用）</translation>
    </message>
    <message>
        <location filename="../../ui/members/commission.py" line="128"/>
        <source>Check the rate or amount and the dates (YYYY-MM-DD).</source>
        <translation>请检查比例或金额以及日期（YYYY-MM-DD）。</translation>
    </message>
</context>
<context>
    <name>CouponPicker</name>
    <message>
        <location filename="../../ui/members/coupon_picker.py" line="18"/>
        <source>Scan the coupon code, or choose a coupon below</source>
        <translation>扫描优惠券码，或在下面选择优惠券</translation>
    </message>
</context>
<context>
    <name>CrossStoreStockDialog</name>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="25"/>
        <source>Stock at other stores</source>
        <translation>其他门店库存</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="36"/>
        <source>Scan or type a barcode or SKU</source>
        <translation>扫描或输入条码、SKU</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="39"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="48"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="48"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="48"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="48"/>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="49"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="55"/>
        <source>Send to the customer from this store…</source>
        <translation>从该门店发货给顾客…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="59"/>
        <source>Ask this store to transfer here…</source>
        <translation>请该门店调拨到本店…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="64"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="79"/>
        <source>Asking the cloud…</source>
        <translation>正在查询云端…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="90"/>
        <source>No other store has this product.</source>
        <translation>其他门店没有此商品。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="118"/>
        <source>Sending the request…</source>
        <translation>正在发送申请…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="121"/>
        <source>Store %1 is asked to send %2 × %3 here.</source>
        <translation>已请门店 %1 调拨 %2 × %3 到本店。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="134"/>
        <source>Sending the order…</source>
        <translation>正在提交订单…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="136"/>
        <source>Order %1 placed: store %2 sends it (%3).</source>
        <translation>订单 %1 已下单：由门店 %2 发出（%3）。</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayWindow</name>
    <message>
        <location filename="../../ui/customer_display.py" line="55"/>
        <source>Customer display</source>
        <translation>客显</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="119"/>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="120"/>
        <source>%1 item(s)</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="126"/>
        <source>To pay %1</source>
        <translation>应付 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="131"/>
        <source>Scan the code with your phone to pay</source>
        <translation>请用手机扫码付款</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="136"/>
        <source>Thank you, please come again!</source>
        <translation>谢谢惠顾，欢迎再次光临！</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="137"/>
        <source>Paid %1</source>
        <translation>实付 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="139"/>
        <source>Change %1</source>
        <translation>找零 %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="110"/>
        <location filename="../../ui/reports/dashboard.py" line="205"/>
        <location filename="../../ui/reports/dashboard.py" line="212"/>
        <location filename="../../ui/reports/dashboard.py" line="216"/>
        <location filename="../../ui/reports/dashboard.py" line="218"/>
        <source>Net sales</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="111"/>
        <source>Orders</source>
        <translation>单数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="112"/>
        <source>Average basket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="113"/>
        <source>Units</source>
        <translation>销售件数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="114"/>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="115"/>
        <source>Returns</source>
        <translation>退货额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="116"/>
        <source>Discounts</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="117"/>
        <source>Rounding given (抹零)</source>
        <translation>抹零金额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="118"/>
        <source>Member share</source>
        <translation>会员销售占比</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="119"/>
        <source>New members</source>
        <translation>新增会员</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="140"/>
        <source>Sales by hour</source>
        <translation>分时销售</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="140"/>
        <source>By tender</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="141"/>
        <source>By category</source>
        <translation>按品类</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="141"/>
        <source>Top products</source>
        <translation>畅销商品</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="142"/>
        <location filename="../../ui/reports/dashboard.py" line="208"/>
        <source>Salesperson ranking</source>
        <translation>导购排行</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="142"/>
        <source>Sales by day</source>
        <translation>每日销售</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="196"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="196"/>
        <source>Previous</source>
        <translation>上期</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="209"/>
        <source>No salesperson credited</source>
        <translation>未计入导购</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsScreen</name>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="122"/>
        <source>Devices</source>
        <translation>外设</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="130"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="144"/>
        <source>Devices and test buttons</source>
        <translation>外设与测试</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="161"/>
        <source>Display text</source>
        <translation>显示文字</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="166"/>
        <source>Plugged in</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="171"/>
        <source>Look again</source>
        <translation>重新检测</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="178"/>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="182"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="182"/>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="182"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="182"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="189"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="190"/>
        <source>Reprint</source>
        <translation>重打</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="191"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="208"/>
        <source>Serial port %1 — %2</source>
        <translation>串口 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="212"/>
        <source>USB printers: cannot look (pyusb is not installed)</source>
        <translation>USB 打印机：无法检测（未安装 pyusb）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="214"/>
        <source>USB printer %1 — %2</source>
        <translation>USB 打印机 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="217"/>
        <source>No serial ports found</source>
        <translation>未找到串口</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="239"/>
        <source>Sent to the printer again.</source>
        <translation>已重新发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="242"/>
        <source>A copy is on its way to the printer.</source>
        <translation>副本正在发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="247"/>
        <source>Choose a receipt in the list first.</source>
        <translation>请先在列表中选择一张小票。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="267"/>
        <source>Not saved: the supervisor did not approve.</source>
        <translation>未保存：主管未批准。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="269"/>
        <source>Saved. Use the test button to check it.</source>
        <translation>已保存。请用测试按钮检查。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="282"/>
        <source>Not tested: the supervisor did not approve.</source>
        <translation>未测试：主管未批准。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="284"/>
        <source>Testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="291"/>
        <source>The test page is in the print queue; check that it came out with Chinese text and both codes.</source>
        <translation>测试页已加入打印队列；请检查打印出的中文和两种码是否正常。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="299"/>
        <source>The drawer was told to open.</source>
        <translation>已发送开钱箱指令。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="303"/>
        <source>Check that the display shows the text.</source>
        <translation>请检查客显是否显示文字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="304"/>
        <source>Stable weight: %1 kg</source>
        <translation>稳定重量：%1 kg</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="313"/>
        <source>Scan a barcode now…</source>
        <translation>请现在扫描条码…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="319"/>
        <source>Scanned: %1</source>
        <translation>已扫描：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/device_settings.py" line="324"/>
        <source>No scan arrived. Check the scanner&apos;s cable and its URL, then try again.</source>
        <translation>未收到扫码。请检查扫码枪连线及其 URL，然后重试。</translation>
    </message>
</context>
<context>
    <name>DeviceStatus</name>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="16"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="17"/>
        <source>Drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="18"/>
        <source>Display</source>
        <translation>客显</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="19"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="20"/>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="21"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="22"/>
        <source>check</source>
        <translation>需检查</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/device_status.py" line="23"/>
        <source>problem</source>
        <translation>故障</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../ui/dialogs/discount.py" line="28"/>
        <source>Percent off (F1)</source>
        <translation>按比例打折 (F1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/discount.py" line="29"/>
        <source>Amount off (F2)</source>
        <translation>按金额优惠 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/discount.py" line="44"/>
        <source>e.g. 10 for 10% off; empty removes the discount</source>
        <translation>如 10 表示减 10%；留空则取消折扣</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/discount.py" line="76"/>
        <source>Type a percent from 0.1 to 100, or an amount like 5.50.</source>
        <translation>请输入 0.1 到 100 的百分比，或如 5.50 的金额。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="21"/>
        <source>Something went wrong. The sale is safe; try again, and tell a manager if it repeats.</source>
        <translation>出现问题。交易数据安全；请重试，如再次出现请告知店长。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="8"/>
        <source>A PIN has at least {n} digits.</source>
        <translation>密码至少 {n} 位数字。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="6"/>
        <source>Wrong user or PIN. Try again.</source>
        <translation>用户或密码错误，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="7"/>
        <source>{name} is locked after too many wrong PINs. Try again in {minutes} min, or ask a manager to unlock the account.</source>
        <translation>{name} 密码错误次数过多，已被锁定。请 {minutes} 分钟后重试，或请店长解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="9"/>
        <source>{name} is no longer sold (inactive product).</source>
        <translation>{name} 已停售（商品已停用）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="10"/>
        <source>{name} has no price. Ask a manager to set one.</source>
        <translation>{name} 没有价格，请店长设置。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="11"/>
        <source>No product has the code {code}. Check the code or search by name (F3).</source>
        <translation>没有编码为 {code} 的商品。请核对编码或按品名查询（F3）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="12"/>
        <source>This product no longer exists.</source>
        <translation>该商品已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="16"/>
        <source>{name} is already picked in full for order {order}. Put the extra one back.</source>
        <translation>订单 {order} 的 {name} 已拣够。请将多拣的放回。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="17"/>
        <source>Say why the order is rejected; the customer will read it.</source>
        <translation>请填写拒单原因；顾客会看到。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="18"/>
        <source>Still missing: {items}. Scan them before marking the order ready.</source>
        <translation>仍缺：{items}。请扫描后再标记为备货完成。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="19"/>
        <source>No order is ready for pickup with code {code}. Check the code with the customer.</source>
        <translation>没有取货码为 {code} 的待取订单。请与顾客核对取货码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="21"/>
        <source>Enter the carrier and the tracking number of the shipment.</source>
        <translation>请输入快递公司和运单号。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="22"/>
        <source>Order {order} is {status} and cannot become {to}. Refresh the list: the order may have changed.</source>
        <translation>订单 {order} 当前为 {status}，不能改为 {to}。请刷新列表：订单可能已变更。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="23"/>
        <source>No channel order {order} at this store. Sync, then try again.</source>
        <translation>本店没有渠道订单 {order}。请同步后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="24"/>
        <source>{name} is not in order {order}. Put it back and pick the items on the list.</source>
        <translation>{name} 不在订单 {order} 中。请放回，并按清单拣货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="25"/>
        <source>Order {order} is not being picked. Start picking it first.</source>
        <translation>订单 {order} 未在拣货中。请先开始拣货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="40"/>
        <source>{name} is sold by weight: enter the weight in kg.</source>
        <translation>{name} 按重量销售：请输入重量（公斤）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="41"/>
        <source>{name} has no fixed price: enter the price.</source>
        <translation>{name} 没有固定价格：请输入价格。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="42"/>
        <source>{text} is not a quantity for {name}: type a whole number of pieces from 1 to 9999.</source>
        <translation>{text} 不是 {name} 的有效数量：请输入 1 到 9999 的整数件数。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="43"/>
        <source>{text} is not a weight for {name}: type kilograms with at most 3 decimals, e.g. 0.535.</source>
        <translation>{text} 不是 {name} 的有效重量：请输入公斤数，最多 3 位小数，如 0.535。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="44"/>
        <source>Finish or cancel the current sale first.</source>
        <translation>请先完成或取消当前交易。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="45"/>
        <source>Payments are already taken on this sale: finish paying, or remove the payments first.</source>
        <translation>本单已有付款：请完成付款，或先删除付款。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="46"/>
        <source>No sale is open. Log in to start selling.</source>
        <translation>没有进行中的交易。请登录后开始收银。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="48"/>
        <source>Scan the customer&apos;s payment code to take a mobile payment.</source>
        <translation>请扫描顾客的付款码进行移动支付。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="50"/>
        <source>That payment is no longer on the sale.</source>
        <translation>该付款已不在本单中。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="51"/>
        <source>A mobile payment cannot be taken off the sale: cancel the sale to reverse it.</source>
        <translation>移动支付不能从本单删除：请整单取消以撤销该付款。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="65"/>
        <source>That is not a WeChat Pay, Alipay or UnionPay payment code. Ask the customer to refresh the code and scan it again.</source>
        <translation>这不是微信、支付宝或云闪付的付款码。请顾客刷新付款码后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="66"/>
        <source>A mobile payment cannot be more than what is still due ({due}).</source>
        <translation>移动支付金额不能超过待付金额（{due}）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="52"/>
        <source>The sale is empty: scan something first.</source>
        <translation>本单没有商品，请先扫码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="47"/>
        <source>Cash given ({given}) is less than the total ({total}).</source>
        <translation>实收现金（{given}）少于应收金额（{total}）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="237"/>
        <source>{given} is more cash than one sale takes. Check the amount.</source>
        <translation>{given} 超出单笔可收现金，请核对金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="207"/>
        <source>No sale has the receipt number {no}.</source>
        <translation>没有小票号为 {no} 的交易。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="57"/>
        <source>A sale holds at most {n} lines. Pay this one and start another.</source>
        <translation>一单最多 {n} 行商品。请先结算本单再开新单。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="54"/>
        <source>That line is no longer in the sale.</source>
        <translation>该商品行已不在本单中。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="239"/>
        <source>Not an amount of money: {text}</source>
        <translation>不是有效金额：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="74"/>
        <source>Store {code} is not set up in this database. Check the setting store_code or load the demo store.</source>
        <translation>数据库中没有门店 {code}。请检查设置 store_code 或加载演示门店。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="33"/>
        <source>Enter how many to ask for, above zero.</source>
        <translation>请输入申请数量，须大于零。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="34"/>
        <source>Choose another store to ask for the goods.</source>
        <translation>请选择另一家门店申请调货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="35"/>
        <source>Product {sku} is not in this till&apos;s catalog yet. Wait for the catalog to sync, then send again.</source>
        <translation>商品 {sku} 尚未同步到本机。请等待商品同步后再发送。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="36"/>
        <source>Store {store} asked store {holder} for these goods; that store sends them.</source>
        <translation>门店 {store} 向门店 {holder} 申请了这些商品，由该门店发货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="37"/>
        <source>This request was already sent as transfer {number}.</source>
        <translation>该申请已按调拨单 {number} 发出。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="38"/>
        <source>The cloud refused the transfer request: {detail}</source>
        <translation>云端拒绝了调拨申请：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="39"/>
        <source>That transfer request is not on this till yet. Sync, then try again.</source>
        <translation>该调拨申请尚未同步到本机。请先同步，再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="53"/>
        <source>A mobile payment of {amount} is still waiting for an answer: query it or cancel it first.</source>
        <translation>一笔 {amount} 的移动支付仍在等待结果：请先查询或取消。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="55"/>
        <source>No product has the scale PLU {plu}. Check the scale&apos;s item list.</source>
        <translation>没有秤 PLU 为 {plu} 的商品。请检查电子秤的商品列表。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="56"/>
        <source>The mobile payment could not be reversed yet. Try again in a moment; the sale stays open until it is.</source>
        <translation>移动支付暂时无法撤销。请稍后重试；撤销前本单保持未结。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="67"/>
        <source>The sale could not be priced: {error}</source>
        <translation>本单无法计价：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="68"/>
        <source>Discounts of {requested} in total are more than you may give ({limit}). Ask a supervisor.</source>
        <translation>折扣合计 {requested}，超出您的权限（{limit}）。请找主管授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="69"/>
        <source>That discount takes the sale below its lowest allowed price. Give a smaller discount or ask a supervisor.</source>
        <translation>该折扣使售价低于最低售价。请减小折扣或找主管授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="70"/>
        <source>Enter a price for the item without a fixed price.</source>
        <translation>请为无固定价格的商品输入价格。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="71"/>
        <source>A discount of {requested}% is more than you may give ({limit}%). Ask a supervisor.</source>
        <translation>{requested}% 的折扣超出您的权限（{limit}%）。请找主管授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="72"/>
        <source>{name} may not be sold below {floor}: a supervisor must allow it.</source>
        <translation>{name} 不得低于 {floor} 销售：需主管授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="73"/>
        <source>Unknown scale barcode layout: {error}</source>
        <translation>未知的电子秤条码格式：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="75"/>
        <source>Terminal {code} is not set up for store {store}. Check the setting terminal_code.</source>
        <translation>门店 {store} 没有收银机 {code}。请检查设置 terminal_code。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="76"/>
        <source>There is no device kind {kind}.</source>
        <translation>没有外设类型 {kind}。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="77"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="78"/>
        <source>That sale is not in this till&apos;s database.</source>
        <translation>本机数据库中没有这笔交易。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="79"/>
        <source>The sale is empty: there is nothing to hold.</source>
        <translation>本单没有商品，无法挂单。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="80"/>
        <source>Payments are already taken on this sale: finish it instead of holding it.</source>
        <translation>本单已有付款：请完成结算，不能挂单。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="81"/>
        <source>{n} sales are already held. Recall or cancel one first.</source>
        <translation>已有 {n} 笔挂单。请先取单或取消其中一笔。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="82"/>
        <source>Finish or hold the current sale before recalling another.</source>
        <translation>请先完成或挂起当前交易，再取单。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="83"/>
        <source>That held sale was already recalled.</source>
        <translation>该挂单已被取出。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="85"/>
        <source>No product has the code {code}. Check the code or search by name.</source>
        <translation>没有编码为 {code} 的商品。请核对编码或按品名查询。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="86"/>
        <source>At most 400 variants per style: split the style.</source>
        <translation>每个款式最多 400 个规格：请拆分款式。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="87"/>
        <source>Choose a price to change: retail, member, cost or floor.</source>
        <translation>请选择要修改的价格：零售价、会员价、进价或最低售价。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="88"/>
        <source>Choose a category or a supplier whose prices change.</source>
        <translation>请选择要改价的品类或供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="89"/>
        <source>A price cannot fall by more than 100%.</source>
        <translation>降价幅度不能超过 100%。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="90"/>
        <source>Fix this and save again: {problem}.</source>
        <translation>请修正后重新保存：{problem}。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="91"/>
        <source>Product code {code} belongs to another product. Choose another code.</source>
        <translation>商品编码 {code} 已被其他商品使用。请换一个编码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="92"/>
        <source>Barcode {code} belongs to another product. Check the barcode.</source>
        <translation>条码 {code} 已被其他商品使用。请核对条码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="93"/>
        <source>Scale PLU {plu} belongs to another product.</source>
        <translation>秤 PLU {plu} 已被其他商品使用。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="94"/>
        <source>A supplier needs a code and a name.</source>
        <translation>供应商需要编码和名称。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="95"/>
        <source>Add at least one product to the order.</source>
        <translation>请至少向订单添加一个商品。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="96"/>
        <source>Order {number} is {status}: only a sent order can be received.</source>
        <translation>订单 {number} 当前为 {status}：只有已发送的订单才能收货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="97"/>
        <source>{name} is not on order {number}. Receive it without an order, or set it aside.</source>
        <translation>{name} 不在订单 {number} 中。请无单收货，或先放在一边。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="98"/>
        <source>Type a quantity above zero.</source>
        <translation>请输入大于零的数量。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="99"/>
        <source>More {name} than ordered was scanned. Ask a manager to allow the over-receipt, or remove the extra.</source>
        <translation>{name} 扫描数量超过订货数量。请店长允许超收，或去掉多余部分。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="100"/>
        <source>Nothing was scanned. Scan the goods first.</source>
        <translation>尚未扫描。请先扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="101"/>
        <source>Add at least one product.</source>
        <translation>请至少添加一个商品。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="102"/>
        <source>Every line needs a quantity above zero and a cost of zero or more.</source>
        <translation>每行的数量须大于零，进价须大于或等于零。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="103"/>
        <source>That purchase order no longer exists.</source>
        <translation>该采购单已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="104"/>
        <source>Supplier code {code} is taken. Choose another code.</source>
        <translation>供应商编码 {code} 已被使用。请换一个编码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="105"/>
        <source>Every order line needs a quantity above zero and a cost of zero or more.</source>
        <translation>订单每行的数量须大于零，进价须大于或等于零。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="106"/>
        <source>That supplier no longer exists. Choose another supplier.</source>
        <translation>该供应商已不存在。请选择其他供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="107"/>
        <source>Order {number} was already sent.</source>
        <translation>订单 {number} 已发送。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="108"/>
        <source>Order {number} is {status} and cannot be received.</source>
        <translation>订单 {number} 当前为 {status}，不能收货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="109"/>
        <source>Choose why the stock changes: damaged, expired, lost or found.</source>
        <translation>请选择库存变动原因：损坏、过期、丢失或盘盈。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="110"/>
        <source>Type how many pieces changed (not zero).</source>
        <translation>请输入变动件数（不能为零）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="111"/>
        <source>Type how many pieces came back (more than zero).</source>
        <translation>请输入退回件数（大于零）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="112"/>
        <source>The maximum stock must be at least the minimum, and neither below zero.</source>
        <translation>库存上限不能小于下限，且两者都不能小于零。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="113"/>
        <source>That stocktake no longer exists.</source>
        <translation>该盘点单已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="114"/>
        <source>Stocktake {number} is already posted; start a new one to count again.</source>
        <translation>盘点单 {number} 已过账；如需重盘请新建盘点。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="115"/>
        <source>{name} is not in this stocktake&apos;s categories. Set it aside for the count of its own category.</source>
        <translation>{name} 不在本次盘点的品类内。请放在一边，留待盘点其所属品类时再盘。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="116"/>
        <source>Type how many you counted (not zero).</source>
        <translation>请输入盘点数量（不能为零）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="117"/>
        <source>Stocktake {number} is already posted.</source>
        <translation>盘点单 {number} 已过账。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="120"/>
        <source>Choose another store to send the goods to.</source>
        <translation>请选择调入的其他门店。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="118"/>
        <source>Add the products to send, each with a quantity above zero.</source>
        <translation>请添加要调出的商品，每个数量须大于零。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="121"/>
        <source>That store is not known here. Check the store list.</source>
        <translation>本机没有该门店。请检查门店列表。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="123"/>
        <source>That transfer no longer exists.</source>
        <translation>该调拨单已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="125"/>
        <source>Transfer {number} was already received.</source>
        <translation>调拨单 {number} 已收货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="122"/>
        <source>A received quantity cannot be below zero.</source>
        <translation>收货数量不能小于零。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="131"/>
        <source>Give the commission rule a name.</source>
        <translation>请为提成规则命名。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="132"/>
        <source>A commission rule is a percent or an amount per item, for all goods, a category or a SKU.</source>
        <translation>提成规则为按比例或每件固定金额，适用于全部商品、某一品类或某个 SKU。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="133"/>
        <source>A commission percent is more than 0% and at most 100%.</source>
        <translation>提成比例须大于 0% 且不超过 100%。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="134"/>
        <source>A commission per item is more than ¥0.00.</source>
        <translation>每件提成须大于 ¥0.00。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="135"/>
        <source>Name the category or SKU the rule is for.</source>
        <translation>请填写规则适用的品类或 SKU。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="136"/>
        <source>A rule must end after it starts.</source>
        <translation>规则的结束日期须晚于开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="137"/>
        <source>Only a manager can change commission rules. Ask a manager to log in.</source>
        <translation>只有店长能修改提成规则。请店长登录。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="138"/>
        <source>That commission rule no longer exists. Reopen the list.</source>
        <translation>该提成规则已不存在。请重新打开列表。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="139"/>
        <source>A coupon is cash-off or percent-off, for all goods, a category or a SKU.</source>
        <translation>优惠券为减现金或打折，适用于全部商品、某一品类或某个 SKU。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="140"/>
        <source>A coupon takes off more than nothing, and at most 100%.</source>
        <translation>优惠券的优惠须大于零，且不超过 100%。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="141"/>
        <source>Name the category or SKU the coupon is for.</source>
        <translation>请填写优惠券适用的品类或 SKU。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="142"/>
        <source>A coupon&apos;s validity must end after it starts.</source>
        <translation>优惠券有效期的结束日期须晚于开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="143"/>
        <source>No coupon has the code {code}. Scan it again or choose from the member&apos;s coupons.</source>
        <translation>没有券码为 {code} 的优惠券。请重新扫描，或从会员的优惠券中选择。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="144"/>
        <source>The coupon {code} has already been used.</source>
        <translation>优惠券 {code} 已使用。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="145"/>
        <source>The coupon {code} belongs to another member.</source>
        <translation>优惠券 {code} 属于其他会员。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="146"/>
        <source>The coupon {code} is not valid today.</source>
        <translation>优惠券 {code} 今天不可用。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="147"/>
        <source>Only a manager can issue coupons. Ask a manager to log in.</source>
        <translation>只有店长能发放优惠券。请店长登录。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="64"/>
        <source>That member no longer exists on this till. Look the member up again.</source>
        <translation>本机已没有该会员。请重新查找会员。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="13"/>
        <source>Group {group} has no orders at this store. Sync, then try again.</source>
        <translation>团 {group} 在本店没有订单。请先同步，再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="14"/>
        <source>Nothing of group {group} is ready for {code}. Check the code or phone with the customer, or receive the batch first.</source>
        <translation>团 {group} 中没有 {code} 的待取订单。请与顾客核对取货码或手机号，或先收货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="15"/>
        <source>Several customers of group {group} have a phone ending in {digits}. Ask for the pickup code or the whole number.</source>
        <translation>团 {group} 中有多位顾客手机号尾号为 {digits}。请询问取货码或完整手机号。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="20"/>
        <source>Order {order} is not for pickup. Record its shipment instead.</source>
        <translation>订单 {order} 不是自提订单，请登记发货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="26"/>
        <source>Order {order} is {status} and cannot be made ready.</source>
        <translation>订单 {order} 状态为 {status}，不能标记为待取货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="27"/>
        <source>Group {group} has no orders at this store.</source>
        <translation>团 {group} 在本店没有订单。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="28"/>
        <source>The cloud refused this till&apos;s access. Ask head office to enrol it again.</source>
        <translation>云端拒绝了本收银机的访问。请联系总部重新注册。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="29"/>
        <source>The cloud does not know this product: {detail}</source>
        <translation>云端没有此商品：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="30"/>
        <source>The cloud refused the order: {detail}</source>
        <translation>云端拒绝了该订单：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="31"/>
        <source>Enter how many the customer wants.</source>
        <translation>请输入顾客要的数量。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="32"/>
        <source>Enter the address to send the goods to.</source>
        <translation>请输入收货地址。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="49"/>
        <source>Exchange credit comes from returned goods: use Return (F8) and choose the exchange.</source>
        <translation>换货抵扣来自退回的商品：请用退货（F8）并选择换货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="58"/>
        <source>Goods of receipt {no} already pay toward this sale: remove that exchange credit first.</source>
        <translation>小票 {no} 的商品已抵扣本单：请先删除该换货抵扣。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="59"/>
        <source>That exchange was started by another cashier. Start it again.</source>
        <translation>该换货由其他收银员发起。请重新开始。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="60"/>
        <source>Payments are already taken on this sale: remove them before changing the member.</source>
        <translation>本单已有付款：请先删除付款再更换会员。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="61"/>
        <source>The coupon {code} is already on this sale.</source>
        <translation>优惠券 {code} 已在本单中使用。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="62"/>
        <source>{what} already pay part of this sale: remove that payment to change the amount.</source>
        <translation>{what} 已支付本单的一部分：请删除该付款后再修改金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="63"/>
        <source>No member is on this sale: find the member first (F1).</source>
        <translation>本单没有会员：请先查找会员（F1）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="119"/>
        <source>Choose the store to send the goods to.</source>
        <translation>请选择发货的门店。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="124"/>
        <source>Transfer {number} goes to store {store}; it is received there.</source>
        <translation>调拨单 {number} 发往门店 {store}，须在该店收货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="126"/>
        <source>Transfer {number} was refused by head office and cannot be received.</source>
        <translation>调拨单 {number} 已被总部拒绝，不能收货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="127"/>
        <source>More of {name} is marked damaged than arrived. Check the quantities.</source>
        <translation>{name} 的破损数量大于实到数量。请核对数量。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="128"/>
        <source>A product on this transfer no longer exists. Scan the goods again.</source>
        <translation>调拨单上的某个商品已不存在。请重新扫描商品。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="129"/>
        <source>Product {sku} of transfer {number} is not in this till&apos;s catalog yet. Wait for the catalog to sync, then receive again.</source>
        <translation>调拨单 {number} 的商品 {sku} 尚未同步到本机。请等待商品同步后再收货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="130"/>
        <source>Only a transfer head office refused can be taken back; {number} is {status}.</source>
        <translation>只有被总部拒绝的调拨单才能收回；{number} 的状态为 {status}。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="148"/>
        <source>{phone} is not a mobile number: type the 11 digits starting with 1, e.g. 13812345678.</source>
        <translation>{phone} 不是手机号：请输入以 1 开头的 11 位数字，如 13812345678。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="149"/>
        <source>Type a full phone number, its last 4 digits or a card number, or scan the member code.</source>
        <translation>请输入完整手机号、手机尾号 4 位或卡号，或扫描会员码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="150"/>
        <source>The birthday must be a date in the past, e.g. 1990-05-20.</source>
        <translation>生日须为过去的日期，如 1990-05-20。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="151"/>
        <source>Type exactly the last 4 digits of the phone number.</source>
        <translation>请输入手机号的后 4 位。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="152"/>
        <source>That is not a member code. Ask the member to show the code again.</source>
        <translation>这不是会员码。请会员重新出示会员码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="153"/>
        <source>Type the member&apos;s name (at most 40 characters).</source>
        <translation>请输入会员姓名（最多 40 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="154"/>
        <source>The customer must agree to the member terms before registering.</source>
        <translation>顾客须同意会员条款后才能注册。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="155"/>
        <source>{phone} already belongs to another member.</source>
        <translation>{phone} 已被其他会员使用。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="156"/>
        <source>There is no member level {code}.</source>
        <translation>没有会员等级 {code}。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="157"/>
        <source>No member&apos;s phone number ends in {digits}. Ask for the full number or register the customer.</source>
        <translation>没有手机尾号为 {digits} 的会员。请询问完整手机号，或为顾客注册会员。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="158"/>
        <source>No member has the phone number {phone}. Register the customer as a new member.</source>
        <translation>没有手机号为 {phone} 的会员。请为顾客注册新会员。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="159"/>
        <source>No member has the card number {card}. Check the card or look the member up by phone.</source>
        <translation>没有卡号为 {card} 的会员。请核对会员卡，或按手机号查找会员。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="160"/>
        <source>The member code has expired. Ask the member to refresh the code on their phone and scan it again.</source>
        <translation>会员码已过期。请会员在手机上刷新会员码后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="161"/>
        <source>{phone} is already a member. Look the member up instead.</source>
        <translation>{phone} 已是会员。请直接查找该会员。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="162"/>
        <source>That salesperson is not set up on this till. Choose another.</source>
        <translation>本机没有设置该导购。请选择其他导购。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="163"/>
        <source>Choose a date range of at most a year, ending after it starts.</source>
        <translation>请选择不超过一年的日期范围，结束日期须晚于开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="164"/>
        <source>Points pay whole steps of {step}: change the amount.</source>
        <translation>积分抵现须为 {step} 的整数倍：请修改金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="165"/>
        <source>Only a manager can change the member programme. Ask a manager to log in.</source>
        <translation>只有店长能修改会员方案。请店长登录。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="166"/>
        <source>The binding rule must be one of: first, latest, protect.</source>
        <translation>绑定规则须为以下之一：first、latest、protect。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="167"/>
        <source>Redeem rate and code interval must be greater than zero.</source>
        <translation>积分兑换比例和会员码刷新间隔须大于零。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="168"/>
        <source>{name} cannot be negative.</source>
        <translation>{name} 不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="169"/>
        <source>{name} already has an exclusive salesperson. A manager can rebind the member.</source>
        <translation>{name} 已有专属导购。店长可为该会员重新绑定。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="170"/>
        <source>Only a manager can set up salespeople. Ask a manager to log in.</source>
        <translation>只有店长能设置导购。请店长登录。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="171"/>
        <source>A salesperson needs a code and a badge barcode.</source>
        <translation>导购需要编号和工牌条码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="172"/>
        <source>Only a manager can rebind a member. Ask a manager to log in.</source>
        <translation>只有店长能重新绑定会员。请店长登录。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="173"/>
        <source>Say why the member is rebound; the reason is logged.</source>
        <translation>请填写重新绑定的原因；原因将记入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="174"/>
        <source>No salesperson has the badge or code {code}. Scan the badge again or choose from the list.</source>
        <translation>没有工牌或编号为 {code} 的导购。请重新扫描工牌或从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="175"/>
        <source>That staff member is not set up on this till.</source>
        <translation>本机没有设置该员工。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="176"/>
        <source>{name} already uses that staff member, code or badge.</source>
        <translation>{name} 已使用该员工、编号或工牌。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="177"/>
        <source>Top up between ¥0.01 and {max}.</source>
        <translation>充值金额须在 ¥0.01 到 {max} 之间。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="178"/>
        <source>Choose how the customer pays for the top-up.</source>
        <translation>请选择顾客的充值支付方式。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="179"/>
        <source>Only a manager can refund a stored-value balance. Ask a manager to log in.</source>
        <translation>只有店长能退储值余额。请店长登录。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="180"/>
        <source>The member has no stored value to refund.</source>
        <translation>该会员没有可退的储值余额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="181"/>
        <source>The member has only {points} points, worth {worth}.</source>
        <translation>该会员只有 {points} 积分，可抵 {worth}。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="182"/>
        <source>The stored-value balance is only {balance}. Pay the rest another way.</source>
        <translation>储值余额只有 {balance}。剩余部分请用其他方式支付。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="183"/>
        <source>Type how much to pay with points.</source>
        <translation>请输入积分抵扣金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="184"/>
        <source>Points pay only orders of {min} or more.</source>
        <translation>订单满 {min} 才能使用积分抵扣。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="185"/>
        <source>Points can pay at most {cap} of this order.</source>
        <translation>本单积分最多可抵 {cap}。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="186"/>
        <source>This sale has no points left to give back.</source>
        <translation>本单已没有可退回的积分。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="187"/>
        <source>Type how much to pay with stored value.</source>
        <translation>请输入储值支付金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="188"/>
        <source>This sale has no stored value left to give back.</source>
        <translation>本单已没有可退回的储值。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="189"/>
        <source>The coupon {code} needs {min} of goods it applies to.</source>
        <translation>优惠券 {code} 需适用商品满 {min} 才能使用。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="190"/>
        <source>The till is offline: this member can spend only {left} more {what} today. Take another tender.</source>
        <translation>收银机离线：该会员今天只能再使用 {left} {what}。请改用其他支付方式。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="191"/>
        <source>{tier} is not a member price tier. The plain member price is set as the product&apos;s member price.</source>
        <translation>{tier} 不是会员价等级。普通会员价请设置为商品的会员价。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="192"/>
        <source>A member tier price may not be negative.</source>
        <translation>会员等级价不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="193"/>
        <source>There is no role {code}.</source>
        <translation>没有角色 {code}。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="194"/>
        <source>A role needs a code and a name.</source>
        <translation>角色需要编码和名称。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="195"/>
        <source>A discount limit is between 0 and 100%.</source>
        <translation>折扣上限须在 0 到 100% 之间。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="196"/>
        <source>No staff member has the code {code}.</source>
        <translation>没有编号为 {code} 的员工。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="197"/>
        <source>{name} may give at most {limit}% discount. Ask a store manager.</source>
        <translation>{name} 最多只能给 {limit}% 的折扣。请找店长。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="198"/>
        <source>{name} may not approve this either. Ask a store manager.</source>
        <translation>{name} 也无权批准此操作。请找店长。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="199"/>
        <source>That approval was for something else. Ask the supervisor again.</source>
        <translation>该授权用于其他操作。请重新找主管授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="200"/>
        <source>The supervisor&apos;s approval has expired. Ask them to approve again.</source>
        <translation>主管授权已过期。请主管重新授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="201"/>
        <source>A staff member needs a code and a name.</source>
        <translation>员工需要编号和姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="202"/>
        <source>A badge code has at least 4 characters. Scan the badge.</source>
        <translation>工牌号至少 4 个字符。请扫描工牌。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="203"/>
        <source>The badge {badge} already belongs to someone.</source>
        <translation>工牌 {badge} 已被他人使用。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="204"/>
        <source>A new staff member needs a PIN.</source>
        <translation>新员工需要设置密码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="205"/>
        <source>That print job is not in this till&apos;s queue.</source>
        <translation>该打印任务不在本机打印队列中。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="206"/>
        <source>That receipt is {status}; use Reprint for another copy.</source>
        <translation>该小票状态为 {status}；如需再打一份请用重打。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="208"/>
        <source>That refund is not in this till&apos;s database.</source>
        <translation>本机数据库中没有该退款记录。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="209"/>
        <source>The period ends before it starts. Choose a first day on or before the last day.</source>
        <translation>结束日期早于开始日期。请选择不晚于结束日期的开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="210"/>
        <source>The report could not be saved to {path}. Choose another folder and try again.</source>
        <translation>报表无法保存到 {path}。请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="211"/>
        <source>That line is not on receipt {no}.</source>
        <translation>该商品行不在小票 {no} 上。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="212"/>
        <source>An exchange is paid with the new sale: ring up the new goods, then take the returned ones as exchange credit.</source>
        <translation>换货随新销售一起结算：请先录入新商品，再把退回的商品作为换货抵扣。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="213"/>
        <source>Refund to the original payment, in cash, or as an exchange.</source>
        <translation>请选择原路退回、退现金或换货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="214"/>
        <source>Choose at least one line to return.</source>
        <translation>请至少选择一行退货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="215"/>
        <source>Nothing of these goods can pay toward a new sale (they were paid with points, stored value or a coupon): refund them instead.</source>
        <translation>这些商品不能抵扣新销售（它们是用积分、储值或优惠券支付的）：请改为退款。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="216"/>
        <source>The returned goods changed since the exchange was started (returned elsewhere?). Remove the exchange credit and start the return again.</source>
        <translation>换货开始后退回商品有变动（在别处已退？）。请删除换货抵扣并重新退货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="217"/>
        <source>A return without a receipt needs a manager. Ask a manager to approve it.</source>
        <translation>无小票退货需要店长。请店长批准。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="218"/>
        <source>Choose at least one item to return.</source>
        <translation>请至少选择一件退货商品。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="219"/>
        <source>No sale has the receipt number {no}. Check the number, or scan the barcode on the receipt.</source>
        <translation>没有小票号为 {no} 的交易。请核对小票号，或扫描小票上的条码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="220"/>
        <source>Enter a quantity greater than zero to return.</source>
        <translation>请输入大于零的退货数量。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="221"/>
        <source>{name} is returned in whole pieces.</source>
        <translation>{name} 须按整件退货。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="222"/>
        <source>Only {left} of {name} can still be returned (sold {sold}, returned {returned}).</source>
        <translation>{name} 只能再退 {left}（已售 {sold}，已退 {returned}）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="223"/>
        <source>No shift is open on this till. Open a shift with the opening float before selling.</source>
        <translation>本机没有当班。请先录入备用金开班，再收银。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="224"/>
        <source>Type an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="225"/>
        <source>{amount} is more cash than a till holds. Check the amount.</source>
        <translation>{amount} 超出钱箱可容纳的现金。请核对金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="226"/>
        <source>{value} is not a CNY note or coin.</source>
        <translation>{value} 不是人民币纸币或硬币面额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="227"/>
        <source>Type a whole number of pieces from 0 to {n}.</source>
        <translation>请输入 0 到 {n} 的整数张（枚）数。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="228"/>
        <source>Say why the cash goes in or out (for example: change from the bank).</source>
        <translation>请填写现金存入或取出的原因（例如：从银行换零钱）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="229"/>
        <source>A shift is already open on this till. Close it or hand it over first.</source>
        <translation>本机已有当班。请先结班或交接班。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="230"/>
        <source>The drawer does not hold {amount}. Check the amount.</source>
        <translation>钱箱内现金不足 {amount}。请核对金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="231"/>
        <source>That shift is not closed yet; print an X report instead.</source>
        <translation>该班次尚未结班；请改打 X 报表。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="232"/>
        <source>Nobody is logged in. Log in, then try again.</source>
        <translation>当前无人登录。请登录后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="233"/>
        <source>Enter an amount greater than zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="234"/>
        <source>{kind} is not a way to pay on this till.</source>
        <translation>本机不支持 {kind} 支付方式。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="235"/>
        <source>The sale is already paid in full.</source>
        <translation>本单已付清。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="236"/>
        <source>{tender} cannot be more than what is still due ({due}). Only cash gives change.</source>
        <translation>{tender} 不能超过待付金额（{due}）。只有现金可以找零。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="238"/>
        <source>Enter the reference from the card terminal slip for {tender}.</source>
        <translation>请输入 {tender} 刷卡小票上的参考号。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="240"/>
        <source>Something went wrong.</source>
        <translation>出现问题。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="244"/>
        <source>{name} may not change a price. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无改价权限。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="245"/>
        <source>{name} may not give a discount above the role&apos;s limit. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无权给出超过角色上限的折扣。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="246"/>
        <source>{name} may not void a line. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无删除商品行权限。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="247"/>
        <source>{name} may not cancel a sale. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无整单取消权限。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="248"/>
        <source>{name} may not refund. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无退款权限。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="249"/>
        <source>{name} may not refund without a receipt. A store manager can approve it with a badge or PIN.</source>
        <translation>{name} 无无小票退货权限。可由店长刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="250"/>
        <source>{name} may not open the drawer without a sale. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无权在无交易时开钱箱。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="251"/>
        <source>{name} may not reprint receipts. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无重打小票权限。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="252"/>
        <source>{name} may not adjust stock. Ask a store manager.</source>
        <translation>{name} 无库存调整权限。请找店长。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="253"/>
        <source>{name} may not edit products. Ask a store manager.</source>
        <translation>{name} 无编辑商品权限。请找店长。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="254"/>
        <source>{name} may not manage staff or roles. Ask a store manager.</source>
        <translation>{name} 无管理员工或角色的权限。请找店长。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="255"/>
        <source>{name} may not change device settings. Ask a store manager.</source>
        <translation>{name} 无修改外设设置的权限。请找店长。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="256"/>
        <source>{name} may not open a shift. Ask a supervisor.</source>
        <translation>{name} 无开班权限。请找主管。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="257"/>
        <source>{name} may not close the shift. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无结班权限。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="258"/>
        <source>{name} may not see shift reports. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无查看班次报表的权限。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="259"/>
        <source>{name} may not pay cash in or out. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无现金存取权限。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="260"/>
        <source>{name} may not make a safe drop. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无投库权限。可由主管刷工牌或输入密码授权。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="261"/>
        <source>{name} may not see the audit log. Ask a store manager.</source>
        <translation>{name} 无查看操作日志的权限。请找店长。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="262"/>
        <source>{name} may not edit members. A supervisor can approve it with a badge or PIN.</source>
        <translation>{name} 无权修改会员资料。主管可刷工牌或输入密码批准。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="84"/>
        <source>Nothing was scanned. Scan the barcode again.</source>
        <translation>没有读到条码，请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="241"/>
        <source>That is not a product code (too long): {code}</source>
        <translation>这不是商品编码（太长）：{code}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="242"/>
        <source>That is not a product code: {code}</source>
        <translation>这不是商品编码：{code}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="243"/>
        <source>The barcode {code} did not read correctly (check digit). Scan it again.</source>
        <translation>条码 {code} 读取有误（校验位不符），请重新扫描。</translation>
    </message>
</context>
<context>
    <name>GroupPickupDialog</name>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="19"/>
        <source>Group-buy pickup</source>
        <translation>团购自提</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="25"/>
        <source>Group:</source>
        <translation>团：</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="31"/>
        <source>Goods arrived: make all ready</source>
        <translation>到货：全部标记为待取货</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="34"/>
        <source>Print batch list</source>
        <translation>打印批次清单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="42"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="42"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="42"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="42"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="43"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="51"/>
        <source>Pickup code, phone or its last 4 digits</source>
        <translation>取货码、手机号或手机尾号4位</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="54"/>
        <source>Hand over</source>
        <translation>交付</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="57"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="68"/>
        <source>%1 — %2 to hand out, %3 ready</source>
        <translation>%1 — 待交付 %2 单，已备好 %3 单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="73"/>
        <source>%1 — all handed out</source>
        <translation>%1 — 已全部交付</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="85"/>
        <source>No group-buy orders to hand out at this store.</source>
        <translation>本店没有待交付的团购订单。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="94"/>
        <source>%1 orders, %2 handed over</source>
        <translation>共 %1 单，已交付 %2 单</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="113"/>
        <source>%1 orders are ready for pickup.</source>
        <translation>%1 单已备好待取。</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="120"/>
        <source>Handed over to %1: %2</source>
        <translation>已交付给 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/channel/group_dialog.py" line="136"/>
        <source>The batch list was sent to the printer.</source>
        <translation>批次清单已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="31"/>
        <source>Import products and prices</source>
        <translation>导入商品和价格</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="35"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="36"/>
        <source>CSV or Excel (.xlsx) with the columns of an export.</source>
        <translation>CSV 或 Excel（.xlsx），列与导出文件相同。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="43"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="43"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="43"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="51"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="52"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="61"/>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="62"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>表格文件 (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="72"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="83"/>
        <source>%1 rows are fine: %2 new products, %3 updates. Press Import.</source>
        <translation>%1 行无误：新增商品 %2 个，更新 %3 个。请按导入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/import_dialog.py" line="87"/>
        <source>%n problem(s): fix them in the file and choose it again. Nothing has been imported.</source>
        <translation>
            <numerusform>%n 个问题：请在文件中修正后重新选择。尚未导入任何数据。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="99"/>
        <source>Importing…</source>
        <translation>导入中…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="107"/>
        <source>Imported %1 products.</source>
        <translation>已导入 %1 个商品。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_dialog.py" line="108"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="23"/>
        <source>Shelf labels</source>
        <translation>价签</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="26"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="26"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="26"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="26"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="34"/>
        <source>Print on receipt printer</source>
        <translation>用小票打印机打印</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="35"/>
        <source>Save PDF sheet…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="36"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="45"/>
        <source>Labels sent to the printer.</source>
        <translation>价签已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="49"/>
        <source>Save labels</source>
        <translation>保存价签</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/labels.py" line="52"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens/login.py" line="20"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="21"/>
        <source>Salesperson</source>
        <translation>导购</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="22"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="23"/>
        <source>Store manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="24"/>
        <source>HQ admin</source>
        <translation>总部管理员</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="53"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="58"/>
        <location filename="../../ui/screens/login.py" line="59"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="67"/>
        <source>Log in (Enter)</source>
        <translation>登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="72"/>
        <source>Scan your staff badge or choose your name, then type your PIN.</source>
        <translation>扫描工牌或选择姓名，然后输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="105"/>
        <source>No staff member has the badge %1.</source>
        <translation>没有员工的工牌是 %1。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/main.py" line="110"/>
        <source>MON POS could not start: %1

Details are in %2.</source>
        <translation>MON POS 无法启动：%1

详细信息见 %2。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
        <source>MON POS — %1</source>
        <translation>MON POS — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Terminal %1</source>
        <translation>收银机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>Cloud: not connected (local only)</source>
        <translation>云端：未连接（仅本地）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Downloading catalog… %1 left</source>
        <translation>正在下载商品资料… 剩余 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>Cloud: online, %1 queued, synced %2</source>
        <translation>云端：在线，待上传 %1，最近同步 %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>Cloud: this till&apos;s access was refused. Ask head office to enrol it again.</source>
        <translation>云端：本机访问被拒绝。请总部重新注册本机。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>Cloud: connecting…</source>
        <translation>云端：连接中…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Cloud: offline, %1 queued (selling goes on; Ctrl+S retries)</source>
        <translation>云端：离线，待上传 %1（可继续收银；按 Ctrl+S 重试）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>Cashier: %1</source>
        <translation>收银员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Locked after inactivity. Log in to go on; the sale is kept.</source>
        <translation>长时间无操作已锁屏。请登录后继续；本单已保留。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>Printer: printing…</source>
        <translation>打印机：打印中…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>Receipt %1</source>
        <translation>小票 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>Printer: not printed</source>
        <translation>打印机：未打印</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>The receipt was not printed: %1 The sale is saved. Fix the printer and press F5 to reprint.</source>
        <translation>小票未打印：%1 交易已保存。请检查打印机后按 F5 重打。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>No receipt to reprint yet.</source>
        <translation>还没有可重打的小票。</translation>
    </message>
</context>
<context>
    <name>ManagerOverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs/manager_override.py" line="27"/>
        <source>Supervisor approval</source>
        <translation>主管授权</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manager_override.py" line="34"/>
        <source>A supervisor scans their badge, or types their staff code and PIN.</source>
        <translation>请主管扫描工牌，或输入员工编号和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manager_override.py" line="38"/>
        <source>Badge or staff code</source>
        <translation>工牌或员工编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manager_override.py" line="38"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manager_override.py" line="39"/>
        <source>PIN (not needed with a badge)</source>
        <translation>密码（刷工牌无需输入）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manager_override.py" line="39"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manager_override.py" line="40"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manager_override.py" line="40"/>
        <source>Approve (Enter)</source>
        <translation>授权 (Enter)</translation>
    </message>
</context>
<context>
    <name>MemberEditDialog</name>
    <message>
        <location filename="../../ui/members/edit.py" line="34"/>
        <source>Edit member</source>
        <translation>修改会员</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="42"/>
        <source>Card %1</source>
        <translation>会员卡 %1</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="47"/>
        <location filename="../../ui/members/edit.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="48"/>
        <source>11-digit mobile number</source>
        <translation>11 位手机号</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="49"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="51"/>
        <source>Comma-separated, e.g. VIP,新客</source>
        <translation>用逗号分隔，如 VIP,新客</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="54"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="55"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="56"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="61"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="63"/>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="99"/>
        <source>Not saved: no supervisor approved the change.</source>
        <translation>未保存：没有主管批准此修改。</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="114"/>
        <source>A birthday cannot be removed, only changed.</source>
        <translation>生日不能删除，只能修改。</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="119"/>
        <source>The birthday must be a date like 1990-05-20.</source>
        <translation>生日须为日期格式，如 1990-05-20。</translation>
    </message>
    <message>
        <location filename="../../ui/members/edit.py" line="123"/>
        <source>Type the member&apos;s name (at most 40 characters).</source>
        <translation>请输入会员姓名（最多 40 个字符）。</translation>
    </message>
</context>
<context>
    <name>MemberLookupDialog</name>
    <message>
        <location filename="../../ui/members/lookup.py" line="23"/>
        <source>Find a member</source>
        <translation>查找会员</translation>
    </message>
    <message>
        <location filename="../../ui/members/lookup.py" line="32"/>
        <source>Phone, last 4 digits, card number, or scan the member code</source>
        <translation>手机号、手机尾号 4 位、卡号，或扫描会员码</translation>
    </message>
    <message>
        <location filename="../../ui/members/lookup.py" line="49"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/members/lookup.py" line="51"/>
        <source>New member (F2)</source>
        <translation>新会员 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/members/lookup.py" line="53"/>
        <source>Find (Enter)</source>
        <translation>查找 (Enter)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/members/lookup.py" line="93"/>
        <source>%n members match: choose with ↑ ↓ and press Enter.</source>
        <translation>
            <numerusform>找到 %n 位会员：用 ↑ ↓ 选择后按 Enter。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberProfilePanel</name>
    <message>
        <location filename="../../ui/members/profile.py" line="26"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="27"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="28"/>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="29"/>
        <source>Exclusive salesperson</source>
        <translation>专属导购</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="30"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="32"/>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="33"/>
        <source>Recent purchases</source>
        <translation>最近消费</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="54"/>
        <source>No member</source>
        <translation>非会员</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="63"/>
        <source> · %1% of price</source>
        <translation> · 原价的 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="66"/>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="67"/>
        <source> (%1 expired)</source>
        <translation>（%1 已过期）</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="70"/>
        <source>%1 (principal %2, bonus %3)</source>
        <translation>%1（本金 %2，赠送 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="74"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/members/profile.py" line="82"/>
        <source>No purchases yet</source>
        <translation>暂无消费记录</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../ui/menus.py" line="36"/>
        <source>&amp;Till</source>
        <translation>收银(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="37"/>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="38"/>
        <source>Shift and cash…</source>
        <translation>班次与现金…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="39"/>
        <source>Sync with the cloud now</source>
        <translation>立即与云端同步</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="40"/>
        <source>Events the cloud rejected…</source>
        <translation>云端拒收的事件…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="42"/>
        <source>Devices and print queue…</source>
        <translation>外设与打印队列…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="43"/>
        <source>Open the cash drawer (no sale)</source>
        <translation>打开钱箱（无交易）</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="47"/>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="48"/>
        <source>&amp;Back office</source>
        <translation>后台(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="49"/>
        <source>Staff, roles and audit log…</source>
        <translation>员工、角色与操作日志…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="51"/>
        <source>Salesperson performance…</source>
        <translation>导购业绩…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="53"/>
        <source>Products, stock and purchasing…</source>
        <translation>商品、库存与采购…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="55"/>
        <source>Reports and dashboard…</source>
        <translation>报表与经营概况…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="97"/>
        <source>Staff, roles and audit log</source>
        <translation>员工、角色与操作日志</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="109"/>
        <source>Salesperson performance</source>
        <translation>导购业绩</translation>
    </message>
    <message>
        <location filename="../../ui/channel/__init__.py" line="57"/>
        <source>Channel orders…</source>
        <translation>渠道订单…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/__init__.py" line="59"/>
        <source>Group-buy pickup…</source>
        <translation>团购自提…</translation>
    </message>
    <message>
        <location filename="../../ui/channel/__init__.py" line="61"/>
        <source>Stock at other stores…</source>
        <translation>其他门店库存…</translation>
    </message>
</context>
<context>
    <name>MobileWaitDialog</name>
    <message>
        <location filename="../../ui/dialogs/mobile_wait.py" line="27"/>
        <source>Waiting for the mobile payment</source>
        <translation>等待移动支付结果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/mobile_wait.py" line="43"/>
        <source>Ask again
F5</source>
        <translation>再次查询
F5</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/mobile_wait.py" line="44"/>
        <source>Cancel payment
Esc</source>
        <translation>取消支付
Esc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/mobile_wait.py" line="59"/>
        <source>Sending the payment…</source>
        <translation>正在发起支付…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/mobile_wait.py" line="60"/>
        <source>The customer is confirming the payment in the app…</source>
        <translation>顾客正在手机上确认支付…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/mobile_wait.py" line="61"/>
        <source>No answer from the payment service yet. Asking again; do not take another payment until it answers.</source>
        <translation>支付平台暂无响应，正在重新查询；收到结果前请勿再次收款。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/mobile_wait.py" line="71"/>
        <source>Still no answer. Ask again (F5) or cancel the payment (Esc).</source>
        <translation>仍无响应。请再次查询 (F5) 或取消支付 (Esc)。</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="228"/>
        <source>New purchase order</source>
        <translation>新建采购单</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="229"/>
        <source>Receive goods without an order</source>
        <translation>无单收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="230"/>
        <source>Return goods to a supplier</source>
        <translation>退货给供应商</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="238"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="240"/>
        <source>or a new supplier: code name</source>
        <translation>或新供应商：编码 名称</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="245"/>
        <source>Barcode or code</source>
        <translation>条码或编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="245"/>
        <location filename="../../ui/backoffice/purchasing_page.py" line="255"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="246"/>
        <source>Cost ¥</source>
        <translation>进价 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="251"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="255"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="255"/>
        <source>Cost</source>
        <translation>进价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="260"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="261"/>
        <source>Save order</source>
        <translation>保存订单</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="261"/>
        <source>Post receipt</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="262"/>
        <source>Post return</source>
        <translation>确认退货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="272"/>
        <source>Type the quantity and cost as numbers.</source>
        <translation>请用数字输入数量和进价。</translation>
    </message>
</context>
<context>
    <name>NextCashierDialog</name>
    <message>
        <location filename="../../ui/screens/handover.py" line="18"/>
        <source>Hand over the till</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../ui/screens/handover.py" line="20"/>
        <source>The next cashier scans their badge, or types their staff code and PIN. The counted cash becomes their opening float.</source>
        <translation>下一位收银员扫描工牌，或输入员工编号和密码。清点的现金作为其备用金。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/handover.py" line="25"/>
        <source>Badge or staff code</source>
        <translation>工牌或员工编号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/handover.py" line="25"/>
        <source>Next cashier</source>
        <translation>接班收银员</translation>
    </message>
    <message>
        <location filename="../../ui/screens/handover.py" line="26"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/handover.py" line="27"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/handover.py" line="27"/>
        <source>Hand over (Enter)</source>
        <translation>交班 (Enter)</translation>
    </message>
</context>
<context>
    <name>PerformanceModel</name>
    <message>
        <location filename="../../ui/members/performance.py" line="26"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="26"/>
        <source>Salesperson</source>
        <translation>导购</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="26"/>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="27"/>
        <source>Orders</source>
        <translation>单数</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="27"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="27"/>
        <source>Returns</source>
        <translation>退货额</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="28"/>
        <source>Net sales</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="28"/>
        <source>Recruited</source>
        <translation>发展会员</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="28"/>
        <source>Served</source>
        <translation>服务会员</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="29"/>
        <source>Commission</source>
        <translation>提成</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="58"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>PerformanceView</name>
    <message>
        <location filename="../../ui/members/performance.py" line="73"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="75"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="77"/>
        <source>Show (F5)</source>
        <translation>查询 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="80"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="112"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/members/performance.py" line="119"/>
        <source>%n salespeople · commission %1</source>
        <translation>
            <numerusform>%n 位导购 · 提成 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="125"/>
        <source>Export performance</source>
        <translation>导出业绩</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="129"/>
        <source>Exporting…</source>
        <translation>导出中…</translation>
    </message>
    <message>
        <location filename="../../ui/members/performance.py" line="131"/>
        <source>Exported %1 salespeople to %2</source>
        <translation>已导出 %1 位导购到 %2</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="43"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="43"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="44"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="44"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="45"/>
        <source>Chosen range</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="49"/>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="53"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="53"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../ui/dialogs/discount.py" line="87"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/discount.py" line="113"/>
        <source>Type a price like 12.50.</source>
        <translation>请输入价格，如 12.50。</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="26"/>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="26"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="32"/>
        <source>Product code (SKU)</source>
        <translation>商品编码（SKU）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="32"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="33"/>
        <source>Barcodes (separate with ;)</source>
        <translation>条码（用 ; 分隔）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="33"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="34"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="34"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="35"/>
        <source>Retail price ¥</source>
        <translation>零售价 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="35"/>
        <source>Member price ¥</source>
        <translation>会员价 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="36"/>
        <source>Cost price ¥ (moving average)</source>
        <translation>进价 ¥（移动加权平均）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="37"/>
        <source>Floor price ¥</source>
        <translation>最低售价 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="37"/>
        <source>Scale PLU</source>
        <translation>秤 PLU</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="38"/>
        <source>Pack name (e.g. 箱)</source>
        <translation>包装单位（如 箱）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="39"/>
        <source>Units per pack</source>
        <translation>每包装数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="39"/>
        <source>Pack barcode</source>
        <translation>包装条码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="40"/>
        <source>Minimum stock</source>
        <translation>库存下限</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="40"/>
        <source>Maximum stock</source>
        <translation>库存上限</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="49"/>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="53"/>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="55"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="58"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="60"/>
        <source>Sold by weight</source>
        <translation>称重商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="61"/>
        <source>Active (sold at the till)</source>
        <translation>启用（可在收银台销售）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="67"/>
        <source>e.g. 白色;黑色 — one SKU per colour x size</source>
        <translation>如 白色;黑色 — 每个颜色 x 尺码生成一个 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="68"/>
        <source>e.g. M;L;XL</source>
        <translation>如 M;L;XL</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="69"/>
        <source>Variant colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="70"/>
        <source>Variant sizes</source>
        <translation>尺码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="77"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="78"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="98"/>
        <source>empty: the member price</source>
        <translation>留空：使用会员价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_editor.py" line="100"/>
        <source>{level} price ¥</source>
        <translation>{level}价 ¥</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="19"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="19"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="19"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="19"/>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="20"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="20"/>
        <source>Retail</source>
        <translation>零售价</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="20"/>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="20"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="61"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/product_model.py" line="61"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="41"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="42"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="43"/>
        <source>Stock card</source>
        <translation>库存台账</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="44"/>
        <source>Shelf labels</source>
        <translation>价签</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="45"/>
        <source>Change prices…</source>
        <translation>批量改价…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="46"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="47"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="60"/>
        <source>Search by name, code, barcode or pinyin initials</source>
        <translation>按品名、编码、条码或拼音首字母查询</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="71"/>
        <source>Any stock</source>
        <translation>全部库存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="71"/>
        <source>Negative stock</source>
        <translation>负库存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="72"/>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="72"/>
        <source>Below minimum</source>
        <translation>低于下限</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="73"/>
        <source>In stock</source>
        <translation>有库存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="84"/>
        <source>All categories</source>
        <translation>全部品类</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="86"/>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="107"/>
        <source>%1 products shown</source>
        <translation>显示 %1 个商品</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/products_page.py" line="133"/>
        <source>%n price(s) changed</source>
        <translation>
            <numerusform>已修改 %n 个价格</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="137"/>
        <source>Export products</source>
        <translation>导出商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="138"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="143"/>
        <source>Exporting…</source>
        <translation>导出中…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/products_page.py" line="145"/>
        <source>%1 products exported</source>
        <translation>已导出 %1 个商品</translation>
    </message>
</context>
<context>
    <name>PurchasingPage</name>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="18"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="19"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="20"/>
        <source>partly received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="21"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="40"/>
        <source>Order</source>
        <translation>采购单号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="40"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="40"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="40"/>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="45"/>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="46"/>
        <source>Send</source>
        <translation>发送给供应商</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="47"/>
        <source>Receive by scanning</source>
        <translation>扫码收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="48"/>
        <source>Close order</source>
        <translation>关闭订单</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="49"/>
        <source>Receive without order</source>
        <translation>无单收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="51"/>
        <source>Return to supplier</source>
        <translation>退供应商</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="26"/>
        <source>Weight (kg)</source>
        <translation>重量（kg）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="26"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="36"/>
        <source>Enter the weight in kg, e.g. 0.535</source>
        <translation>输入重量（公斤），例如 0.535</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="36"/>
        <source>Enter the number of pieces</source>
        <translation>输入件数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="42"/>
        <source>Read the scale (F1)</source>
        <translation>读取电子秤 (F1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="62"/>
        <source>Weighing…</source>
        <translation>称重中…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="68"/>
        <source>Weight from the scale. Enter to take it.</source>
        <translation>重量来自电子秤，按回车确认。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="71"/>
        <source>Scale: %1 Type the weight instead.</source>
        <translation>电子秤：%1 请改为手动输入重量。</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../ui/dialogs/held.py" line="17"/>
        <source>Recall a held sale</source>
        <translation>取单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held.py" line="20"/>
        <source>Held sales: choose one and press Enter</source>
        <translation>挂单列表：选择一笔后按 Enter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/held.py" line="27"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held.py" line="36"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held.py" line="37"/>
        <source>Recall (Enter)</source>
        <translation>取单 (Enter)</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/receipt_preview.py" line="15"/>
        <source>Sale complete</source>
        <translation>交易完成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_preview.py" line="17"/>
        <source>Change: %1</source>
        <translation>找零：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_preview.py" line="30"/>
        <source>Next customer (Enter)</source>
        <translation>下一位顾客 (Enter)</translation>
    </message>
</context>
<context>
    <name>ReceiveTransferDialog</name>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="254"/>
        <source>Receive %1</source>
        <translation>收货 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="259"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="259"/>
        <source>Sent</source>
        <translation>调出数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="259"/>
        <source>Arrived</source>
        <translation>实到</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="260"/>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="260"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="274"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="275"/>
        <source>Receive</source>
        <translation>收货</translation>
    </message>
</context>
<context>
    <name>ReceivingPanel</name>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="131"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="135"/>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>扫描条码或输入编码，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="148"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="148"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="148"/>
        <source>Ordered</source>
        <translation>订货数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="148"/>
        <source>Received before</source>
        <translation>已收数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="149"/>
        <source>This delivery</source>
        <translation>本次收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="149"/>
        <source>Still open</source>
        <translation>未收数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="155"/>
        <source>Manager allows more than ordered</source>
        <translation>店长允许超订单收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="160"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="161"/>
        <source>Post receipt</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="170"/>
        <source>Receiving %1 from %2</source>
        <translation>正在收货 %1，供应商 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="184"/>
        <source>Type the quantity as a number, e.g. 12.</source>
        <translation>请用数字输入数量，如 12。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/purchasing_page.py" line="194"/>
        <source>%1: %2 this delivery</source>
        <translation>%1：本次收货 %2</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../ui/members/registration.py" line="23"/>
        <source>New member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="29"/>
        <source>11-digit mobile number</source>
        <translation>11 位手机号</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="30"/>
        <location filename="../../ui/members/registration.py" line="42"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="31"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="35"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="38"/>
        <source>The customer agrees to the member terms and privacy policy</source>
        <translation>顾客同意会员条款和隐私政策</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="41"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="43"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="44"/>
        <source>Salesperson</source>
        <translation>导购</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="50"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="52"/>
        <source>Register (Enter)</source>
        <translation>注册 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/members/registration.py" line="78"/>
        <source>The birthday must be a date like 1990-05-20.</source>
        <translation>生日须为日期格式，如 1990-05-20。</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <location filename="../../ui/reports/tables.py" line="22"/>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="23"/>
        <source>By hour of day</source>
        <translation>按时段</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="24"/>
        <source>By tender</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="25"/>
        <source>By category</source>
        <translation>按品类</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="26"/>
        <source>By product</source>
        <translation>按商品</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="27"/>
        <source>By salesperson</source>
        <translation>按导购</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="28"/>
        <source>By cashier</source>
        <translation>按收银员</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="29"/>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
</context>
<context>
    <name>ReportTablesView</name>
    <message>
        <location filename="../../ui/reports/tables.py" line="92"/>
        <source>Find in table</source>
        <translation>在表中查找</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="117"/>
        <source>All categories</source>
        <translation>全部品类</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="118"/>
        <source>All salespeople</source>
        <translation>全部导购</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="119"/>
        <source>All cashiers</source>
        <translation>全部收银员</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="120"/>
        <source>All member levels</source>
        <translation>全部会员等级</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="121"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="139"/>
        <location filename="../../ui/reports/tables.py" line="185"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="140"/>
        <location filename="../../ui/reports/tables.py" line="197"/>
        <source>Export XLSX</source>
        <translation>导出 XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="170"/>
        <source>{0} rows</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="192"/>
        <source>Could not write {0}. Choose another folder.</source>
        <translation>无法写入 {0}。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/tables.py" line="194"/>
        <location filename="../../ui/reports/tables.py" line="205"/>
        <source>Saved {0} rows to {1}</source>
        <translation>已保存 {0} 行到 {1}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="29"/>
        <source>Below minimum</source>
        <translation>低于下限</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="29"/>
        <location filename="../../ui/backoffice/reports_page.py" line="32"/>
        <location filename="../../ui/backoffice/reports_page.py" line="40"/>
        <location filename="../../ui/backoffice/reports_page.py" line="43"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="29"/>
        <location filename="../../ui/backoffice/reports_page.py" line="32"/>
        <location filename="../../ui/backoffice/reports_page.py" line="40"/>
        <location filename="../../ui/backoffice/reports_page.py" line="43"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="29"/>
        <location filename="../../ui/backoffice/reports_page.py" line="32"/>
        <location filename="../../ui/backoffice/reports_page.py" line="36"/>
        <location filename="../../ui/backoffice/reports_page.py" line="40"/>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="30"/>
        <source>Min</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="30"/>
        <source>Max</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="32"/>
        <source>Reorder suggestions</source>
        <translation>补货建议</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="33"/>
        <source>Sold per day</source>
        <translation>日均销量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="33"/>
        <source>Order</source>
        <translation>建议订货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="35"/>
        <source>Valuation by category</source>
        <translation>按品类库存金额</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="35"/>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="35"/>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="36"/>
        <location filename="../../ui/backoffice/reports_page.py" line="41"/>
        <source>Value ¥</source>
        <translation>金额 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="37"/>
        <source>Negative</source>
        <translation>负库存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="38"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="40"/>
        <source>Slow movers (30 days)</source>
        <translation>滞销商品（30 天）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="41"/>
        <source>Sold</source>
        <translation>销量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="43"/>
        <source>Movements (7 days)</source>
        <translation>库存变动（7 天）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="43"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="44"/>
        <source>Movement</source>
        <translation>变动类型</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="44"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="44"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="54"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="55"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="62"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="83"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="84"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/reports_page.py" line="87"/>
        <source>%1 rows exported</source>
        <translation>已导出 %1 行</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../ui/reports/window.py" line="22"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="27"/>
        <source>Dashboard</source>
        <translation>经营概况</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="28"/>
        <source>Report tables</source>
        <translation>报表明细</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="30"/>
        <source>Print daily summary</source>
        <translation>打印日结汇总</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="32"/>
        <location filename="../../ui/reports/window.py" line="68"/>
        <source>Daily summary as PDF</source>
        <translation>日结汇总导出 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="57"/>
        <source>Printing the summary of {0}…</source>
        <translation>正在打印 {0} 的汇总…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="61"/>
        <source>Summary of {0} sent to the receipt printer.</source>
        <translation>{0} 的汇总已发送到小票打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="74"/>
        <source>Daily summary {0}</source>
        <translation>日结汇总 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="78"/>
        <source>Saved the summary of {0} to {1}</source>
        <translation>已将 {0} 的汇总保存到 {1}</translation>
    </message>
</context>
<context>
    <name>RequestTransferDialog</name>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="188"/>
        <source>Ask store %1 for a transfer</source>
        <translation>向门店 %1 申请调拨</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="198"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="199"/>
        <source>Note for the store</source>
        <translation>给该门店的备注</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="201"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="203"/>
        <source>Ask for a transfer</source>
        <translation>申请调拨</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="26"/>
        <source>To the original payment</source>
        <translation>原路退回</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="27"/>
        <source>In cash</source>
        <translation>退现金</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="28"/>
        <source>Exchange: toward the sale on the till</source>
        <translation>换货：抵扣当前交易</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="36"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="49"/>
        <source>Scan the receipt&apos;s barcode or type its number, then Enter</source>
        <translation>扫描小票条码或输入小票号，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="55"/>
        <source>Item</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="55"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="55"/>
        <source>Returnable</source>
        <translation>可退数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="56"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="56"/>
        <source>Return qty</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="81"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="82"/>
        <source>Return everything (F2)</source>
        <translation>整单退货 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="83"/>
        <source>Refund (F12)</source>
        <translation>退款 (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="162"/>
        <source>Refund: %1</source>
        <translation>退款：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/returns.py" line="167"/>
        <source>Find the sale first: scan or type the receipt number.</source>
        <translation>请先找到原交易：扫描或输入小票号。</translation>
    </message>
</context>
<context>
    <name>RoleEditor</name>
    <message>
        <location filename="../../ui/staff/roles.py" line="17"/>
        <source>Change a price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="18"/>
        <source>Discount above the limit</source>
        <translation>超限折扣</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="19"/>
        <source>Void a line</source>
        <translation>删除商品行</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="20"/>
        <source>Cancel a sale</source>
        <translation>整单取消</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="21"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="22"/>
        <source>Refund without receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="23"/>
        <source>Open the drawer without a sale</source>
        <translation>无交易开钱箱</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="24"/>
        <source>Reprint receipts</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="25"/>
        <source>Adjust stock</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="26"/>
        <source>Edit products</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="27"/>
        <source>Manage staff and roles</source>
        <translation>管理员工和角色</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="28"/>
        <source>Device settings</source>
        <translation>外设设置</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="29"/>
        <source>Open a shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="30"/>
        <source>Close a shift</source>
        <translation>结班</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="31"/>
        <source>Shift reports (X)</source>
        <translation>班次报表 (X)</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="32"/>
        <source>Pay cash in or out</source>
        <translation>现金存取</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="33"/>
        <source>Safe drop</source>
        <translation>投库</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="34"/>
        <source>See the audit log</source>
        <translation>查看操作日志</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="35"/>
        <source>Edit members</source>
        <translation>修改会员资料</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="62"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="63"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="64"/>
        <source>Largest discount on their own</source>
        <translation>自主折扣上限</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="66"/>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="81"/>
        <source>New role</source>
        <translation>新建角色</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="82"/>
        <source>Save role</source>
        <translation>保存角色</translation>
    </message>
    <message>
        <location filename="../../ui/staff/roles.py" line="138"/>
        <source>Role %1 saved.</source>
        <translation>角色 %1 已保存。</translation>
    </message>
</context>
<context>
    <name>SalespersonChooser</name>
    <message>
        <location filename="../../ui/members/salesperson.py" line="18"/>
        <source>Salesperson</source>
        <translation>导购</translation>
    </message>
    <message>
        <location filename="../../ui/members/salesperson.py" line="27"/>
        <source>Scan the badge or type the salesperson code</source>
        <translation>扫描工牌或输入导购编号</translation>
    </message>
    <message>
        <location filename="../../ui/members/salesperson.py" line="42"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/members/salesperson.py" line="44"/>
        <source>No salesperson</source>
        <translation>无导购</translation>
    </message>
    <message>
        <location filename="../../ui/members/salesperson.py" line="46"/>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/dialogs/search.py" line="49"/>
        <source>Find a product</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="57"/>
        <source>Name, code, barcode or pinyin initials (e.g. kkkl)</source>
        <translation>品名、编码、条码或拼音首字母（如 kkkl）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="91"/>
        <source>Searching…</source>
        <translation>查询中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/search.py" line="100"/>
        <source>%n product(s) found</source>
        <translation>
            <numerusform>找到 %n 个商品</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShiftScreen</name>
    <message>
        <location filename="../../ui/screens/shift.py" line="97"/>
        <source>Count the opening float (备用金) into the drawer and type it.</source>
        <translation>请将备用金点入钱箱并输入金额。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="98"/>
        <source>Opening float, e.g. 500</source>
        <translation>备用金，如 500</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="101"/>
        <source>Open shift (Enter)</source>
        <translation>开班 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="108"/>
        <source>Cash in and out of the drawer</source>
        <translation>钱箱现金存取</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="110"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="111"/>
        <source>Reason (required for pay in / pay out)</source>
        <translation>原因（存入 / 取出时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="114"/>
        <source>Pay in</source>
        <translation>存入</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="115"/>
        <source>Pay out</source>
        <translation>取出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="116"/>
        <source>Safe drop</source>
        <translation>投库</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="121"/>
        <source>X report (F7)</source>
        <translation>X 报表 (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="122"/>
        <source>Close shift (F9)</source>
        <translation>结班 (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="123"/>
        <source>Back to checkout (Esc)</source>
        <translation>返回收银 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="132"/>
        <source>Count the drawer: type how many of each note and coin. The expected amount is shown after you close.</source>
        <translation>清点钱箱：输入每种纸币和硬币的数量。结班后显示应有金额。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="156"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="157"/>
        <source>Close shift and print Z report</source>
        <translation>结班并打印 Z 报表</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="158"/>
        <source>Hand over to the next cashier</source>
        <translation>交班给下一位收银员</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="172"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="173"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="186"/>
        <source>No shift is open on this till</source>
        <translation>本机没有当班</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="190"/>
        <source>Shift %1 · %2 · opened %3</source>
        <translation>班次 %1 · %2 · 开班于 %3</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="249"/>
        <source>Counted: %1</source>
        <translation>实点：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="285"/>
        <source>Shift %1 closed: the drawer is exact</source>
        <translation>班次 %1 已结班：钱箱无长短款</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="286"/>
        <source>Shift %1 closed: over %2</source>
        <translation>班次 %1 已结班：长款 %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="287"/>
        <source>Shift %1 closed: short %2</source>
        <translation>班次 %1 已结班：短款 %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/shift.py" line="302"/>
        <source>The report was not printed: %1 Fix the printer and press Print again.</source>
        <translation>报表未打印：%1 请检查打印机后再按打印。</translation>
    </message>
</context>
<context>
    <name>ShipFromStoreDialog</name>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="144"/>
        <source>Send from store %1</source>
        <translation>从门店 %1 发货</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="159"/>
        <source>Ship by courier</source>
        <translation>快递发货</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="160"/>
        <source>Same-city delivery</source>
        <translation>同城配送</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="161"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="162"/>
        <source>Customer&apos;s phone</source>
        <translation>顾客手机号</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="163"/>
        <source>Customer&apos;s name</source>
        <translation>顾客姓名</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="164"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="165"/>
        <source>Delivery</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="167"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/channel/stock_dialog.py" line="169"/>
        <source>Place order</source>
        <translation>下单</translation>
    </message>
</context>
<context>
    <name>ShipmentDialog</name>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="310"/>
        <source>Record a shipment</source>
        <translation>登记发货</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="318"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="319"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="321"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/channel/orders_window.py" line="323"/>
        <source>Record shipment</source>
        <translation>登记发货</translation>
    </message>
</context>
<context>
    <name>StaffBackOffice</name>
    <message>
        <location filename="../../ui/staff/window.py" line="22"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/staff/window.py" line="23"/>
        <source>Roles and permissions</source>
        <translation>角色与权限</translation>
    </message>
    <message>
        <location filename="../../ui/staff/window.py" line="24"/>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
</context>
<context>
    <name>StaffList</name>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="38"/>
        <source>Leave blank to keep the PIN</source>
        <translation>留空则保留原密码</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="39"/>
        <source>Scan a new badge</source>
        <translation>扫描新工牌</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="41"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="47"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="48"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="49"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="50"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="52"/>
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="58"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="59"/>
        <source>Add badge</source>
        <translation>添加工牌</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="60"/>
        <source>Unlock after wrong PINs</source>
        <translation>解锁（密码错误锁定）</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="61"/>
        <source>New staff member</source>
        <translation>新建员工</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="82"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="82"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="120"/>
        <source>%1 saved.</source>
        <translation>%1 已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="126"/>
        <source>Badge added.</source>
        <translation>工牌已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/staff/staff_list.py" line="132"/>
        <source>%1 can log in again.</source>
        <translation>%1 已可重新登录。</translation>
    </message>
</context>
<context>
    <name>StockCard</name>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="16"/>
        <source>opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="16"/>
        <source>sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="17"/>
        <source>customer return</source>
        <translation>顾客退货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="18"/>
        <source>goods received</source>
        <translation>采购收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="19"/>
        <source>returned to supplier</source>
        <translation>退供应商</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="20"/>
        <source>adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="21"/>
        <source>transfer out</source>
        <translation>调出</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="22"/>
        <source>transfer in</source>
        <translation>调入</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="23"/>
        <source>stocktake</source>
        <translation>盘点</translation>
    </message>
</context>
<context>
    <name>StockCardDialog</name>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="36"/>
        <source>Stock card — %1</source>
        <translation>库存台账 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="45"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="45"/>
        <source>Movement</source>
        <translation>变动类型</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="45"/>
        <location filename="../../ui/backoffice/stock_card.py" line="55"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="45"/>
        <source>Balance</source>
        <translation>结存</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="45"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="57"/>
        <source>Adjust:</source>
        <translation>调整：</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="60"/>
        <source>Adjust stock</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="62"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="68"/>
        <source>On hand %1 · reserved %2 · available %3</source>
        <translation>库存 %1 · 预留 %2 · 可用 %3</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stock_card.py" line="72"/>
        <source>NEGATIVE: count this product</source>
        <translation>负库存：请盘点该商品</translation>
    </message>
</context>
<context>
    <name>StocktakePage</name>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="28"/>
        <source>Start counting</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="33"/>
        <source>No count in progress</source>
        <translation>没有进行中的盘点</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="35"/>
        <source>Join this count</source>
        <translation>加入本次盘点</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="37"/>
        <source>Tick categories to count only those; none ticked counts the whole store.</source>
        <translation>勾选品类则只盘这些品类；不勾选则全店盘点。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="46"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="50"/>
        <source>Scan each item (counts 1), or type a quantity then scan</source>
        <translation>逐件扫描（每次计 1），或先输入数量再扫描</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="62"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="62"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="62"/>
        <source>Book</source>
        <translation>账面数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="62"/>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="62"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="63"/>
        <source>Value ¥</source>
        <translation>差异金额 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="65"/>
        <source>not counted</source>
        <translation>未盘</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="73"/>
        <source>Review all differences</source>
        <translation>查看全部差异</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="74"/>
        <source>Post differences</source>
        <translation>差异过账</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="99"/>
        <location filename="../../ui/backoffice/stocktake_page.py" line="129"/>
        <source>whole store</source>
        <translation>全店</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="108"/>
        <source>Freezing the book quantities…</source>
        <translation>正在冻结账面库存…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="130"/>
        <source>%1 (%2): %3 products, book quantities frozen when counting started</source>
        <translation>%1（%2）：%3 个商品，账面库存已于盘点开始时冻结</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="145"/>
        <source>Type the quantity as a number, e.g. 12.</source>
        <translation>请用数字输入数量，如 12。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="154"/>
        <source>%1: counted %2</source>
        <translation>%1：实盘 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="177"/>
        <source>All products in scope: %1 differ · value %2</source>
        <translation>范围内全部商品：%1 个有差异 · 金额 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="178"/>
        <source>Counted so far: %1 differ · value %2</source>
        <translation>已盘商品：%1 个有差异 · 金额 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/stocktake_page.py" line="199"/>
        <source>Posted: %1 products adjusted.</source>
        <translation>已过账：调整 %1 个商品。</translation>
    </message>
</context>
<context>
    <name>SyncQuarantineDialog</name>
    <message>
        <location filename="../../ui/sync_quarantine.py" line="24"/>
        <source>Events the cloud rejected</source>
        <translation>云端拒收的事件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_quarantine.py" line="32"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/sync_quarantine.py" line="32"/>
        <source>Rejected at</source>
        <translation>拒收时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync_quarantine.py" line="33"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync_quarantine.py" line="51"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_quarantine.py" line="59"/>
        <source>The cloud has rejected no event of this till.</source>
        <translation>云端没有拒收本收银机的任何事件。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_quarantine.py" line="60"/>
        <source>The cloud rejected %1 event(s) of this till. They are kept on the till and in the cloud&apos;s quarantine, where head office can see and settle them; they never hold up the other events.</source>
        <translation>云端拒收了本收银机的 %1 个事件。它们保存在本机和云端的隔离区，总部可查看并处理；它们不会阻塞其他事件。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_quarantine.py" line="64"/>
        <source>The newest %1 are shown.</source>
        <translation>显示最新的 %1 个。</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="27"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="28"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="29"/>
        <source>WeChat / Alipay / UnionPay</source>
        <translation>微信 / 支付宝 / 云闪付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="30"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="31"/>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="32"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="43"/>
        <source>Payment</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="123"/>
        <source>Reference on the card terminal slip</source>
        <translation>刷卡小票上的参考号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="128"/>
        <source>Scan the customer&apos;s payment code</source>
        <translation>扫描顾客付款码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="137"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="140"/>
        <source>Remove payment (Del)</source>
        <translation>删除付款 (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="145"/>
        <source>Pay (Enter)</source>
        <translation>付款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="170"/>
        <source>Cash given (empty = exact amount)</source>
        <translation>实收现金（留空 = 金额正好）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="171"/>
        <source>Amount on the card (empty = all that is due)</source>
        <translation>刷卡金额（留空 = 全部待付金额）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="172"/>
        <location filename="../../ui/dialogs/payment.py" line="174"/>
        <source>Amount (empty = all that is due)</source>
        <translation>金额（留空 = 全部待付金额）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="173"/>
        <source>Amount (empty = the most points may pay)</source>
        <translation>金额（留空 = 积分可抵扣的最大金额）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="215"/>
        <source>Not an amount</source>
        <translation>不是有效金额</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="218"/>
        <source>Still due: %1</source>
        <translation>待付：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="220"/>
        <source>Change: %1</source>
        <translation>找零：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="226"/>
        <source>Total due: %1</source>
        <translation>应收：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="244"/>
        <source>Member %1: %2 points (up to %3 on this order), stored value %4</source>
        <translation>会员 %1：积分 %2（本单最多抵 %3），储值 %4</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="282"/>
        <source>Scan the coupon code or choose a coupon.</source>
        <translation>请扫描优惠券码或选择优惠券。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="289"/>
        <source>Scan the customer&apos;s payment code.</source>
        <translation>请扫描顾客付款码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="298"/>
        <source>The payment failed: %1 Ask for another payment.</source>
        <translation>支付失败：%1 请顾客换一种方式支付。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="301"/>
        <source>The mobile payment was cancelled; nothing was charged.</source>
        <translation>移动支付已取消；未扣款。</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <location filename="../../ui/members/topup.py" line="21"/>
        <source>Top up stored value</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="31"/>
        <source>balance %1</source>
        <translation>余额 %1</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="37"/>
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="49"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="49"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="50"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="50"/>
        <source>UnionPay</source>
        <translation>云闪付</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="57"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="59"/>
        <source>Top up (Enter)</source>
        <translation>充值 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="79"/>
        <source>Bonus %1 · card gets %2</source>
        <translation>赠送 %1 · 到账 %2</translation>
    </message>
    <message>
        <location filename="../../ui/members/topup.py" line="85"/>
        <source>Type the amount in yuan, e.g. 200.</source>
        <translation>请输入金额（元），如 200。</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="27"/>
        <source>Send goods</source>
        <translation>调出商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="69"/>
        <source>Scan or type a code</source>
        <translation>扫描或输入编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="32"/>
        <location filename="../../ui/backoffice/transfers_page.py" line="70"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="78"/>
        <source>Send</source>
        <translation>调出</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="32"/>
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="91"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="91"/>
        <source>From</source>
        <translation>调出门店</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="91"/>
        <source>To</source>
        <translation>调入门店</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="91"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="91"/>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="52"/>
        <source>Receive…</source>
        <translation>收货…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="37"/>
        <source>Requested by</source>
        <translation>申请门店</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="37"/>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="37"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="38"/>
        <source>Requested by store %1</source>
        <translation>门店 %1 申请</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="44"/>
        <source>Send what they asked for…</source>
        <translation>按申请发货…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="53"/>
        <source>Sent by this store</source>
        <translation>本店发出</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="57"/>
        <source>Take back</source>
        <translation>收回</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="66"/>
        <source>Store code</source>
        <translation>门店编码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="100"/>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="100"/>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="101"/>
        <source>Taken back</source>
        <translation>已收回</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="103"/>
        <source>Refused by head office: %1</source>
        <translation>总部拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="111"/>
        <source>short %1</source>
        <translation>短少 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="113"/>
        <source>over %1</source>
        <translation>多出 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="115"/>
        <source>damaged %1</source>
        <translation>破损 %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="143"/>
        <source>Coming in (%1 in transit)</source>
        <translation>待收调拨（在途 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="147"/>
        <source>Requested by other stores (%1 to send)</source>
        <translation>其他门店的申请（待发 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="161"/>
        <source>Type the quantity as a number.</source>
        <translation>请用数字输入数量。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="176"/>
        <source>Choose a request to send its goods.</source>
        <translation>请选择一条申请并发货。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="189"/>
        <source>Prefilled from store %1&apos;s request: check the goods, then press Send.</source>
        <translation>已按门店 %1 的申请预填：请核对商品后按“调出”。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="205"/>
        <source>Sent: the goods are in transit.</source>
        <translation>已调出：商品在途。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="215"/>
        <source>Choose a transfer that is in transit to receive it.</source>
        <translation>请选择一张在途的调拨单进行收货。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="228"/>
        <source>Received %1.</source>
        <translation>已收货 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/transfers_page.py" line="241"/>
        <source>%1 is back in stock.</source>
        <translation>%1 已退回库存。</translation>
    </message>
</context>
<context>
    <name>_HitsModel</name>
    <message>
        <location filename="../../ui/dialogs/search.py" line="20"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="20"/>
        <source>Item</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="20"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="20"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/backoffice/common.py" line="87"/>
        <source>Back office</source>
        <translation>后台管理</translation>
    </message>
</context>
</TS>
