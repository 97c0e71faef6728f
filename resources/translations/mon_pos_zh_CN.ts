<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CartTableModel</name>
    <message>
        <location filename="../../ui/models/cart_model.py" line="12" />
        <source>Item</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/models/cart_model.py" line="12" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/models/cart_model.py" line="13" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/models/cart_model.py" line="13" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CashPaymentDialog</name>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="36" />
        <source>Cash payment</source>
        <translation>现金收款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="41" />
        <source>Total due: %1</source>
        <translation>应收：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="47" />
        <source>Cash given (empty = exact amount)</source>
        <translation>实收现金（留空 = 正好）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="63" />
        <source>Pay (Enter)</source>
        <translation>收款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="66" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="94" />
        <source>Not an amount</source>
        <translation>不是有效金额</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="97" />
        <source>Still due: %1</source>
        <translation>还差：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/payment.py" line="99" />
        <source>Change: %1</source>
        <translation>找零：%1</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../ui/screens/checkout.py" line="28" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="29" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="30" />
        <source>Remove line</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="31" />
        <source>Reprint</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="32" />
        <source>Cancel sale</source>
        <translation>整单取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="33" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="34" />
        <source>Cash</source>
        <translation>现金结算</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="66" />
        <source>Scan / code</source>
        <translation>扫码 / 编码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="72" />
        <source>Scan a barcode, or type a code and press Enter (3*code for three)</source>
        <translation>扫描条码，或输入编码后按回车（3*编码 = 3 件）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="101" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="230" />
        <source>Removed: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="235" />
        <source>Sale cancelled.</source>
        <translation>本单已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkout.py" line="247" />
        <source>The sale is empty: scan something first.</source>
        <translation>本单没有商品，请先扫码。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/checkout.py" line="263" />
        <source>%n item(s)</source>
        <translation><numerusform>%n 件</numerusform></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="21" />
        <source>Something went wrong. The sale is safe; try again, and tell a manager if it repeats.</source>
        <translation>出现问题。交易数据安全；请重试，如再次出现请告知店长。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="6" />
        <source>A PIN has at least {n} digits.</source>
        <translation>密码至少 {n} 位数字。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="7" />
        <source>Wrong user or PIN. Try again.</source>
        <translation>用户或密码错误，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="8" />
        <source>{name} is no longer sold (inactive product).</source>
        <translation>{name} 已停售（商品已停用）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="9" />
        <source>{name} has no price. Ask a manager to set one.</source>
        <translation>{name} 没有价格，请店长设置。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="10" />
        <source>No product has the code {code}. Check the code or search by name (F3).</source>
        <translation>没有编码为 {code} 的商品。请核对编码或按品名查询（F3）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="11" />
        <source>This product no longer exists.</source>
        <translation>该商品已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="12" />
        <source>{name} is sold by weight: enter the weight in kg.</source>
        <translation>{name} 按重量销售：请输入重量（公斤）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="13" />
        <source>{text} is not a quantity for {name}: type a whole number of pieces from 1 to 9999.</source>
        <translation>{text} 不是 {name} 的有效数量：请输入 1 到 9999 的整数件数。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="14" />
        <source>{text} is not a weight for {name}: type kilograms with at most 3 decimals, e.g. 0.535.</source>
        <translation>{text} 不是 {name} 的有效重量：请输入公斤数，最多 3 位小数，如 0.535。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="15" />
        <source>Finish or cancel the current sale first.</source>
        <translation>请先完成或取消当前交易。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="16" />
        <source>No sale is open. Log in to start selling.</source>
        <translation>没有进行中的交易。请登录后开始收银。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="17" />
        <source>The sale is empty: scan something first.</source>
        <translation>本单没有商品，请先扫码。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="18" />
        <source>Cash given ({given}) is less than the total ({total}).</source>
        <translation>实收现金（{given}）少于应收金额（{total}）。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="19" />
        <source>{given} is more cash than one sale takes. Check the amount.</source>
        <translation>{given} 超出单笔可收现金，请核对金额。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="20" />
        <source>No sale has the receipt number {no}.</source>
        <translation>没有小票号为 {no} 的交易。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="22" />
        <source>A sale holds at most {n} lines. Pay this one and start another.</source>
        <translation>一单最多 {n} 行商品。请先结算本单再开新单。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="21" />
        <source>That line is no longer in the sale.</source>
        <translation>该商品行已不在本单中。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="23" />
        <source>Not an amount of money: {text}</source>
        <translation>不是有效金额：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="24" />
        <source>Store {code} is not set up in this database. Check the setting store_code or load the demo store.</source>
        <translation>数据库中没有门店 {code}。请检查设置 store_code 或加载演示门店。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="25" />
        <source>Terminal {code} is not set up for store {store}. Check the setting terminal_code.</source>
        <translation>门店 {store} 没有收银机 {code}。请检查设置 terminal_code。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="26" />
        <source>That sale is not in this till's database.</source>
        <translation>本机数据库中没有这笔交易。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="27" />
        <source>Something went wrong.</source>
        <translation>出现问题。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="28" />
        <source>Nothing was scanned. Scan the barcode again.</source>
        <translation>没有读到条码，请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="29" />
        <source>That is not a product code (too long): {code}</source>
        <translation>这不是商品编码（太长）：{code}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="30" />
        <source>That is not a product code: {code}</source>
        <translation>这不是商品编码：{code}</translation>
    </message>
    <message>
        <location filename="../../ui/service_strings.py" line="31" />
        <source>The barcode {code} did not read correctly (check digit). Scan it again.</source>
        <translation>条码 {code} 读取有误（校验位不符），请重新扫描。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens/login.py" line="14" />
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="15" />
        <source>Store manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="39" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="44" />
        <location filename="../../ui/screens/login.py" line="45" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="53" />
        <source>Log in (Enter)</source>
        <translation>登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="58" />
        <source>Scan your staff badge or choose your name, then type your PIN.</source>
        <translation>扫描工牌或选择姓名，然后输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login.py" line="83" />
        <source>No staff member has the badge %1.</source>
        <translation>没有员工的工牌是 %1。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/main.py" line="74" />
        <source>MON POS could not start: %1

Details are in %2.</source>
        <translation>MON POS 无法启动：%1

详细信息见 %2。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="29" />
        <source>MON POS — %1</source>
        <translation>MON POS — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51" />
        <source>Terminal %1</source>
        <translation>收银机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73" />
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80" />
        <source>Cashier: %1</source>
        <translation>收银员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>Printer: printing…</source>
        <translation>打印机：打印中…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110" />
        <source>Receipt %1</source>
        <translation>小票 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <location filename="../../ui/main_window.py" line="140" />
        <source>Printer: OK</source>
        <translation>打印机：正常</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>Printer: not printed</source>
        <translation>打印机：未打印</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>The receipt was not printed: %1 The sale is saved. Fix the printer and press F5 to reprint.</source>
        <translation>小票未打印：%1 交易已保存。请检查打印机后按 F5 重打。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>No receipt to reprint yet.</source>
        <translation>还没有可重打的小票。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>Printer: ready (no status)</source>
        <translation>打印机：就绪（无状态回传）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142" />
        <source>Printer: offline</source>
        <translation>打印机：离线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>Printer: out of paper</source>
        <translation>打印机：缺纸</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>Printer: paper low</source>
        <translation>打印机：纸将用尽</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145" />
        <source>Printer: cover open</source>
        <translation>打印机：纸仓盖未关</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="12" />
        <source>Weight (kg)</source>
        <translation>重量（kg）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="12" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="22" />
        <source>Enter the weight in kg, e.g. 0.535</source>
        <translation>输入重量（公斤），例如 0.535</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quantity.py" line="22" />
        <source>Enter the number of pieces</source>
        <translation>输入件数</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/receipt_preview.py" line="15" />
        <source>Sale complete</source>
        <translation>交易完成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_preview.py" line="17" />
        <source>Change: %1</source>
        <translation>找零：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_preview.py" line="32" />
        <source>Next customer (Enter)</source>
        <translation>下一位顾客 (Enter)</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/dialogs/search.py" line="49" />
        <source>Find a product</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="57" />
        <source>Name, code, barcode or pinyin initials (e.g. kkkl)</source>
        <translation>品名、编码、条码或拼音首字母（如 kkkl）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="91" />
        <source>Searching…</source>
        <translation>查询中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/search.py" line="100" />
        <source>%n product(s) found</source>
        <translation><numerusform>找到 %n 个商品</numerusform></translation>
    </message>
</context>
<context>
    <name>_HitsModel</name>
    <message>
        <location filename="../../ui/dialogs/search.py" line="20" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="20" />
        <source>Item</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="20" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search.py" line="20" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
</context>
</TS>