import { useState } from 'preact/hooks';

export type Locale = 'en' | 'zh-CN';

// Every text of the app in both languages, side by side: a missing translation is a type error.
const messages = {
  'app.name': ['Kameng admin', 'Kameng 商户后台'],
  'welcome.text': [
    'Run your shop: goods, card keys, orders, payment channels and team. Platform admins manage shops and plugins here too.',
    '管理你的店铺：商品、卡密、订单、支付通道与团队。平台管理员也在这里管理店铺与插件。',
  ],
  'action.login': ['Log in', '登录'],
  'action.logout': ['Log out', '退出登录'],
  'action.close': ['Close', '关闭'],
  'action.delete': ['Delete', '删除'],
  'action.edit': ['Edit', '编辑'],
  'action.refresh': ['Refresh', '刷新'],
  'action.rename': ['Rename', '重命名'],
  'action.retry': ['Try again', '重试'],
  'action.save': ['Save', '保存'],
  'action.saved': ['Saved.', '已保存。'],
  'action.search': ['Search', '搜索'],
  'error.network': ['The server could not be reached.', '无法连接服务器。'],
  'state.loading': ['Loading…', '加载中…'],
  'state.notFound': ['There is no such page.', '页面不存在。'],
  'shop.pick': ['Choose a shop', '选择店铺'],
  'shop.none': ['Your account belongs to no shop yet.', '你的账号还不属于任何店铺。'],
  'shop.notMember': ['You are not a member of the shop “{slug}”.', '你不是店铺“{slug}”的成员。'],
  'platform.notAdmin': ['Only platform admins see this.', '仅平台管理员可见。'],
  'nav.shop': ['Shop · {slug}', '店铺 · {slug}'],
  'nav.platform': ['Platform', '平台'],
  'nav.dashboard': ['Dashboard', '概览'],
  'nav.catalog': ['Catalogue', '商品'],
  'nav.keys': ['Card keys', '卡密'],
  'nav.orders': ['Orders', '订单'],
  'nav.channels': ['Payment channels', '支付通道'],
  'nav.team': ['Team', '团队'],
  'nav.storefront': ['Storefront', '店面'],
  'nav.tenants': ['Shops', '店铺'],
  'nav.plugins': ['Plugins', '插件'],
  'nav.health': ['Health', '运行状况'],
  'nav.audit': ['Audit log', '审计日志'],
  'dash.salesToday': ['Sales today', '今日销售额'],
  'dash.salesMonth': ['Sales this month', '本月销售额'],
  'dash.orders': ['{n} paid orders', '{n} 笔已付款订单'],
  'dash.awaitingDelivery': ['Awaiting delivery', '待发货'],
  'dash.failedPayments': ['Failed payments today', '今日支付失败'],
  'dash.undeliverable': ['Paid but undeliverable', '已付款但无法发货'],
  'dash.chart': ['Paid orders, last 14 days', '近 14 天已付款订单'],
  'dash.lowStock': ['Stock alerts', '库存预警'],
  'dash.noLowStock': ['No SKU is running low.', '没有库存不足的规格。'],
  'dash.left': ['{n} left', '剩 {n}'],
  'dash.addKeys': ['Add keys', '补充卡密'],
  'dash.needsAction': ['Orders needing action', '待处理订单'],
  'dash.nothingToDo': ['Nothing needs you right now.', '目前没有需要处理的订单。'],
  'dash.reasonUndeliverable': ['Undeliverable: deliver or refund', '无法发货：请补发或退款'],
  'dash.reasonAwaiting': ['Awaiting delivery', '待发货'],
  'catalog.newCategory': ['New category', '新建分类'],
  'catalog.renameCategory': ['Rename category', '重命名分类'],
  'catalog.newProduct': ['New product', '新建商品'],
  'catalog.editProduct': ['Edit product', '编辑商品'],
  'catalog.newSku': ['New SKU', '新建规格'],
  'catalog.editSku': ['Edit SKU', '编辑规格'],
  'catalog.uncategorised': ['Without category', '未分类'],
  'catalog.empty': ['The catalogue is empty: create a category and a product.', '商品目录为空：请先新建分类和商品。'],
  'catalog.noProducts': ['No products in this category.', '此分类下没有商品。'],
  'catalog.confirmDeleteCategory': ['Delete the category “{name}”?', '删除分类“{name}”？'],
  'catalog.confirmDeleteProduct': ['Delete the product “{name}”?', '删除商品“{name}”？'],
  'catalog.confirmDeleteSku': ['Delete the SKU “{name}”?', '删除规格“{name}”？'],
  'catalog.hidden': ['Hidden', '已隐藏'],
  'catalog.moveUp': ['Move up', '上移'],
  'catalog.moveDown': ['Move down', '下移'],
  'catalog.hide': ['Hide', '隐藏'],
  'catalog.show': ['Show', '显示'],
  'catalog.sku': ['SKU', '规格'],
  'catalog.price': ['Price', '价格'],
  'catalog.cost': ['Cost', '成本'],
  'catalog.currency': ['Currency', '币种'],
  'catalog.quantity': ['Quantity', '数量'],
  'catalog.minQuantity': ['Min. per order', '每单最少'],
  'catalog.maxQuantity': ['Max. per order', '每单最多'],
  'catalog.lowStockThreshold': ['Alert at stock', '库存预警值'],
  'catalog.stock': ['Stock', '库存'],
  'catalog.available': ['{n} available', '可售 {n}'],
  'catalog.visible': ['Visible', '上架'],
  'catalog.loopKey': ['Loop key', '循环卡密'],
  'catalog.loopKeyHint': ['Loop key: one key sold again and again', '循环卡密：同一个卡密可重复出售'],
  'catalog.tiers': ['{n} wholesale tiers', '{n} 档批发价'],
  'catalog.name': ['Name', '名称'],
  'catalog.category': ['Category', '分类'],
  'catalog.description': ['Description', '描述'],
  'catalog.fulfilment': ['Fulfilment', '发货方式'],
  'fulfilment.CARD_KEY': ['Card keys', '自动发卡'],
  'fulfilment.MANUAL': ['Manual', '手动发货'],
  'fulfilment.UPSTREAM': ['Upstream', '上游对接'],
  'keys.sku': ['SKU', '规格'],
  'keys.noSkus': ['No card-key SKU yet: create a product with card-key fulfilment first.', '还没有自动发卡的规格：请先创建发货方式为自动发卡的商品。'],
  'keys.stock': ['Stock', '库存'],
  'keys.masked': [
    'Keys are stored encrypted and never shown here; export the unsold ones to see them (the export is audited).',
    '卡密加密存储，不在此显示；如需查看请导出未售卡密（导出会记入审计日志）。',
  ],
  'keys.export': ['Export unsold', '导出未售'],
  'keys.deleteUnsold': ['Delete unsold', '删除未售'],
  'keys.confirmDelete': ['Delete every unsold key of this SKU? This cannot be undone.', '删除该规格的所有未售卡密？此操作无法撤销。'],
  'keys.deleted': ['{n} keys deleted.', '已删除 {n} 个卡密。'],
  'keys.import': ['Import keys', '导入卡密'],
  'keys.paste': ['Paste keys, one per line', '粘贴卡密，每行一个'],
  'keys.format': ['One key per line; text after a tab or two spaces is a note. Or choose a file below.', '每行一个卡密；制表符或两个空格之后的内容为备注。也可以在下方选择文件。'],
  'keys.file': ['…or upload a text file', '…或上传文本文件'],
  'keys.start': ['Import', '开始导入'],
  'keys.nothing': ['Nothing to import', '没有可导入的内容'],
  'keys.nothingDetail': ['Paste keys or choose a file.', '请粘贴卡密或选择文件。'],
  'keys.uploading': ['Uploading… {pct}%', '上传中… {pct}%'],
  'keys.processing': ['Importing… {done} of {total} lines', '导入中… 第 {done} / {total} 行'],
  'keys.report': ['Import report', '导入报告'],
  'keys.imported': ['Imported', '已导入'],
  'keys.duplicates': ['Duplicates', '重复'],
  'keys.rejected': ['Rejected', '已拒绝'],
  'keys.line': ['Line', '行号'],
  'keys.reason': ['Reason', '原因'],
  'keys.moreRejected': ['…and {n} more rejected lines.', '…另有 {n} 行被拒绝。'],
  'keyState.AVAILABLE': ['Available', '可售'],
  'keyState.RESERVED': ['Reserved', '已预留'],
  'keyState.SOLD': ['Sold', '已售'],
  'importState.DONE': ['Done', '完成'],
  'importState.FAILED': ['Failed', '失败'],
  'orders.search': ['Order number or buyer email', '订单号或买家邮箱'],
  'orders.allStates': ['All states', '全部状态'],
  'orders.from': ['Placed on or after', '下单日期起'],
  'orders.none': ['No orders match.', '没有符合条件的订单。'],
  'orders.number': ['Order', '订单'],
  'orders.order': ['Order', '订单'],
  'orders.state': ['State', '状态'],
  'orders.buyer': ['Buyer', '买家'],
  'orders.total': ['Total', '金额'],
  'orders.created': ['Placed', '下单时间'],
  'orders.summary': ['Summary', '摘要'],
  'orders.deliveredKeys': ['Keys delivered', '已发卡密'],
  'orders.item': ['Item', '商品'],
  'orders.unitPrice': ['Unit price', '单价'],
  'orders.timeline': ['Timeline', '时间线'],
  'orders.placed': ['Order placed', '创建订单'],
  'orders.payment': ['Payment via {channel}', '通过 {channel} 付款'],
  'orders.keysDelivered': ['{n} keys delivered', '已发放 {n} 个卡密'],
  'orders.now': ['Now', '当前'],
  'orders.actions': ['Actions', '操作'],
  'orders.confirmPayment': ['Confirm manual payment', '确认人工收款'],
  'orders.cancel': ['Cancel order', '取消订单'],
  'orders.confirmCancel': ['Cancel this order? Reserved keys go back to stock.', '取消此订单？预留的卡密将退回库存。'],
  'orders.markRefunded': ['Mark as refunded', '标记为已退款'],
  'orders.manualDelivery': ['Manual delivery', '手动发货'],
  'orders.manualDeliveryHint': ['What the buyer receives: codes, account details or a message.', '买家将收到的内容：卡密、账号信息或留言。'],
  'orders.deliver': ['Deliver', '发货'],
  'orders.refundReason': ['Refund reason', '退款原因'],
  'orders.flagRefund': ['Flag for refund', '标记待退款'],
  'orders.done': ['Done.', '操作成功。'],
  'orders.unchanged': ['Nothing changed: the order had already moved on.', '未更改：订单状态已变化。'],
  'orderState.PENDING_PAYMENT': ['Awaiting payment', '待付款'],
  'orderState.PAID': ['Paid', '已付款'],
  'orderState.DELIVERING': ['Delivering', '发货中'],
  'orderState.DELIVERED': ['Delivered', '已发货'],
  'orderState.PARTIALLY_DELIVERED': ['Partly delivered', '部分发货'],
  'orderState.CANCELLED': ['Cancelled', '已取消'],
  'orderState.EXPIRED': ['Expired', '已过期'],
  'orderState.PAID_UNDELIVERABLE': ['Paid, undeliverable', '已付款无法发货'],
  'orderState.REFUND_PENDING': ['Refund pending', '待退款'],
  'orderState.REFUNDED': ['Refunded', '已退款'],
  'paymentState.PENDING': ['Pending', '处理中'],
  'paymentState.SUCCEEDED': ['Succeeded', '成功'],
  'paymentState.FAILED': ['Failed', '失败'],
  'channels.configured': ['This shop’s channels', '本店支付通道'],
  'channels.available': ['Available channel types', '可用通道类型'],
  'channels.none': ['No payment channel yet: add one below.', '还没有支付通道：请在下方添加。'],
  'channels.name': ['Name', '名称'],
  'channels.type': ['Type', '类型'],
  'channels.state': ['State', '状态'],
  'channels.updated': ['Updated', '更新时间'],
  'channels.add': ['Set up', '配置'],
  'channels.new': ['New channel: {type}', '新建通道：{type}'],
  'channels.edit': ['Edit {name}', '编辑 {name}'],
  'channels.enabled': ['Enabled', '已启用'],
  'channels.disabled': ['Disabled', '已停用'],
  'channels.paused': ['Paused (plugin failing)', '已暂停（插件异常）'],
  'channels.notInstalled': ['Plugin not installed', '插件未安装'],
  'channels.secretSet': ['Set. Leave empty to keep it.', '已设置。留空则保持不变。'],
  'channels.secretNotSet': ['Not set.', '未设置。'],
  'channels.clearSecret': ['Remove the stored value', '清除已保存的值'],
  'team.member': ['Member', '成员'],
  'team.role': ['Role', '角色'],
  'team.remove': ['Remove', '移除'],
  'team.confirmRemove': ['Remove {name} from the shop?', '将 {name} 移出店铺？'],
  'team.invitations': ['Open invitations', '待接受的邀请'],
  'team.expires': ['expires {at}', '{at} 过期'],
  'team.revoke': ['Revoke', '撤销'],
  'team.invite': ['Invite someone', '邀请成员'],
  'team.email': ['Email', '邮箱'],
  'team.inviteButton': ['Invite', '邀请'],
  'team.invited': ['Invitation created; pass this link on (shown once):', '邀请已创建，请转发此链接（仅显示一次）：'],
  'team.addedExisting': ['added (the account existed)', '已添加（账号已存在）'],
  'role.OWNER': ['Owner', '店主'],
  'role.STAFF': ['Staff', '员工'],
  'storefront.pending': [
    'Theme picker and theme settings arrive with the storefront theme API, which is being built. Your shop keeps its current theme meanwhile.',
    '主题选择与主题设置将随店面主题接口一同上线（开发中）。在此之前店铺保持当前主题。',
  ],
  'tenants.search': ['Slug or name', '店铺标识或名称'],
  'tenants.allStates': ['All states', '全部状态'],
  'tenants.none': ['No shops match.', '没有符合条件的店铺。'],
  'tenants.shop': ['Shop', '店铺'],
  'tenants.slug': ['Slug', '标识'],
  'tenants.state': ['State', '状态'],
  'tenants.currency': ['Currency', '币种'],
  'tenants.created': ['Opened', '开通时间'],
  'tenants.revenue': ['Revenue', '收入'],
  'tenants.orders': ['Orders', '订单数'],
  'tenants.products': ['Products', '商品数'],
  'tenants.keys': ['Keys in stock', '库存卡密'],
  'tenants.status': ['Status', '状态'],
  'tenants.reason': ['Reason for suspending', '暂停原因'],
  'tenants.suspend': ['Suspend shop', '暂停店铺'],
  'tenants.resume': ['Resume shop', '恢复店铺'],
  'tenants.approve': ['Approve shop', '审核通过'],
  'tenants.changed': ['Done.', '操作成功。'],
  'tenants.unchanged': ['Nothing changed: the shop was already in that state.', '未更改：店铺已处于该状态。'],
  'tenants.plan': ['Plan and quotas', '套餐与配额'],
  'tenants.planName': ['Plan', '套餐'],
  'tenants.fee': ['Platform fee (basis points)', '平台费率（万分比）'],
  'tenants.feeHint': ['100 = 1%', '100 = 1%'],
  'tenants.maxProducts': ['Max. products', '商品上限'],
  'tenants.maxCardKeys': ['Max. card keys', '卡密上限'],
  'tenants.maxStaff': ['Max. staff', '员工上限'],
  'tenants.noLimit': ['Empty: no limit', '留空：不限'],
  'tenantState.PENDING': ['Awaiting approval', '待审核'],
  'tenantState.ACTIVE': ['Active', '正常'],
  'tenantState.SUSPENDED': ['Suspended', '已暂停'],
  'plugins.upload': ['Install a plugin', '安装插件'],
  'plugins.install': ['Upload and install', '上传并安装'],
  'plugins.installed': ['Plugin installed.', '插件已安装。'],
  'plugins.plugin': ['Plugin', '插件'],
  'plugins.state': ['State', '状态'],
  'plugins.availability': ['Offered to', '开放范围'],
  'plugins.all': ['Every shop', '所有店铺'],
  'plugins.approvedOnly': ['Approved shops only', '仅审核通过的店铺'],
  'plugins.installedAt': ['Installed', '安装时间'],
  'plugins.approvals': ['Approved shops', '已批准店铺'],
  'plugins.noApprovals': ['No shop approved yet.', '尚未批准任何店铺。'],
  'plugins.pickShop': ['Choose a shop to approve', '选择要批准的店铺'],
  'plugins.approve': ['Approve', '批准'],
  'plugins.revoke': ['revoke', '撤销'],
  'plugins.disable': ['Disable', '停用'],
  'plugins.enable': ['Enable', '启用'],
  'plugins.disabled': ['Disabled', '已停用'],
  'plugins.refused': ['Refused at load', '加载被拒绝'],
  'pluginState.ACTIVE': ['Active', '运行中'],
  'pluginState.REMOVED': ['Removed', '已移除'],
  'pluginState.REFUSED': ['Refused', '被拒绝'],
  'health.backlog': ['Job backlog', '任务积压'],
  'health.noBacklog': ['No jobs waiting.', '没有等待中的任务。'],
  'health.kind': ['Kind', '类型'],
  'health.state': ['State', '状态'],
  'health.count': ['Count', '数量'],
  'health.oldest': ['Oldest due', '最早到期'],
  'health.payments': ['Payments, last 24 hours', '近 24 小时支付'],
  'health.noPayments': ['No payments in the last 24 hours.', '近 24 小时没有支付。'],
  'health.channel': ['Channel', '通道'],
  'health.failureRate': ['Failure rate', '失败率'],
  'health.dead': ['Dead letters', '死信任务'],
  'health.noDead': ['No dead jobs.', '没有死信任务。'],
  'health.attempts': ['Attempts', '尝试次数'],
  'health.lastError': ['Last error', '最后错误'],
  'health.retry': ['Retry', '重试'],
  'audit.none': ['Nothing recorded yet.', '暂无记录。'],
  'audit.at': ['When', '时间'],
  'audit.actor': ['Who', '操作人'],
  'audit.action': ['Action', '操作'],
  'audit.target': ['Target', '对象'],
  'audit.detail': ['Detail', '详情'],
} satisfies Record<string, [string, string]>;

type Dynamic = 'fulfilment' | 'importState' | 'orderState' | 'paymentState' | 'pluginState' | 'role' | 'tenantState' | 'tenants';
export type MessageKey = keyof typeof messages | `${Dynamic}.${string}`;

const STORE = 'kameng.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORE);
  if (saved === 'en' || saved === 'zh-CN') {
    return saved;
  }
  return navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

let locale: Locale = initialLocale();

export function currentLocale(): Locale {
  return locale;
}

export function applyLocale(): void {
  document.documentElement.lang = locale;
  document.title = t('app.name');
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const entry = (messages as Record<string, [string, string]>)[key];
  const text = entry ? entry[locale === 'zh-CN' ? 1 : 0] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A plugin's own text in both languages (LocalizedText on the server). */
export function loc(text?: { zhCn?: string; en?: string } | null): string {
  if (!text) {
    return '';
  }
  return (locale === 'zh-CN' ? text.zhCn : text.en) ?? text.en ?? text.zhCn ?? '';
}

export function LocaleSwitch() {
  const [current, setCurrent] = useState(locale);
  const change = (next: Locale) => {
    locale = next;
    localStorage.setItem(STORE, next);
    setCurrent(next);
    // Every screen reads t() while rendering: a reload of the app is the simplest full re-render
    // and keeps the route; data is fetched again.
    location.reload();
  };
  return (
    <select class="locale" aria-label="Language / 语言" value={current} onChange={(e) => change(e.currentTarget.value as Locale)}>
      <option value="zh-CN">中文</option>
      <option value="en">English</option>
    </select>
  );
}
