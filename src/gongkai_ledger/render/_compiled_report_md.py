from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_summary = resolve('summary')
    l_0_skipped = resolve('skipped')
    l_0_levels = resolve('levels')
    l_0_unit_levels = resolve('unit_levels')
    l_0_by_unit = resolve('by_unit')
    l_0_sections = resolve('sections')
    l_0_supporting = resolve('supporting')
    l_0_overdue = resolve('overdue')
    l_0_awaiting_review = resolve('awaiting_review')
    l_0_stale = resolve('stale')
    l_0_received = resolve('received')
    l_0_next_month = resolve('next_month')
    l_0_annual = resolve('annual')
    l_0_m = l_0_h = l_0_s = l_0_period = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_4 = environment.filters['min']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'min' found.")
    try:
        t_5 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    environment.budget.step()
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.md.j2', 'report.md.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_h = (undefined(name='header') if l_0_header is missing else l_0_header)
    context.vars['h'] = l_0_h
    context.exported_vars.add('h')
    l_0_s = (undefined(name='summary') if l_0_summary is missing else l_0_summary)
    context.vars['s'] = l_0_s
    context.exported_vars.add('s')
    l_0_period = environment.getitem({'月': '本月和上月', '季': '本季度和上季度', '半年': '本半年和上半年', '年': '本年度和上年度'}, environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'update_every'))
    context.vars['period'] = l_0_period
    context.exported_vars.add('period')
    yield '# '
    yield str(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'title'))))
    yield '\n\n**'
    yield str(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'month_label')))
    yield '** · 统计截至'
    yield str(environment.finalize(t_5(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
    yield '\n\n- 依据:'
    yield str(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'issuer'))))
    yield '《'
    yield str(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'plan_title'))))
    yield '》'
    yield str(environment.finalize((environment.call_binop(context, '%', '(%s)', t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'doc_no'))) if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'doc_no') else '')))
    yield '\n'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'):
        environment.budget.step()
        pass
        yield '- 督办单位:'
        yield str(environment.finalize(t_3(environment.getattr(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'), 'name'))))
        yield '\n'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'generated_at'):
        environment.budget.step()
        pass
        yield '- 生成时间:'
        yield str(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'generated_at'))))
        yield '\n'
    if (undefined(name='skipped') if l_0_skipped is missing else l_0_skipped):
        environment.budget.step()
        pass
        yield '\n> **注意:以下 '
        yield str(environment.finalize(t_2((undefined(name='skipped') if l_0_skipped is missing else l_0_skipped))))
        yield ' 个进展文件有错误,未计入本通报(各列出第一个错误,修正后重新生成):**\n>\n'
        for l_1_p in (undefined(name='skipped') if l_0_skipped is missing else l_0_skipped):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '> - '
            yield str(environment.finalize(t_3(environment.getattr(l_1_p, 'path'))))
            yield ':'
            yield str(environment.finalize(environment.getattr(l_1_p, 'line')))
            yield ':'
            yield str(environment.finalize(environment.getattr(l_1_p, 'col')))
            yield ' '
            yield str(environment.finalize(t_3(environment.getattr(l_1_p, 'message'))))
            yield '\n'
        l_1_p = missing
    yield '\n## 一、总体情况\n\n'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'):
        environment.budget.step()
        pass
        yield '截至'
        yield str(environment.finalize(t_5(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ','
        yield str(environment.finalize(t_3(environment.getattr(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'), 'name'))))
        yield '共承担重点任务 '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'task_count')))
        yield ' 项、条目 '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'item_count')))
        yield ' 个。'
    else:
        environment.budget.step()
        pass
        yield '截至'
        yield str(environment.finalize(t_5(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ',共有重点任务 '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'task_count')))
        yield ' 项、条目 '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'item_count')))
        yield ' 个,分解到 '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'unit_count')))
        yield ' 个责任单位,合计单位任务 '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'unit_items')))
        yield ' 项。'
    yield '其中已完成 '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'done')))
    yield ' 项,推进中 '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'in_progress')))
    yield ' 项,未启动 '
    yield str(environment.finalize((environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_started') - environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported'))))
    yield ' 项,未报送 '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported')))
    yield ' 项,不涉及 '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_applicable')))
    yield ' 项'
    yield str(environment.finalize(('' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit') else environment.call_binop(context, '%', ';%d 个条目已全部完成', environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'items_done')))))
    yield '。完成率 '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'completion_rate')))
    yield ',按期完成率 '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'on_time_rate')))
    yield '。逾期未完成 '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue')))
    yield ' 项'
    if (not environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit')):
        environment.budget.step()
        pass
        yield '(涉及 '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue_units')))
        yield ' 个单位)'
    yield ',更新滞后 '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'stale')))
    yield ' 项'
    if (not environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit')):
        environment.budget.step()
        pass
        yield '(涉及 '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'stale_units')))
        yield ' 个单位)'
    yield '。\n'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period'):
        environment.budget.step()
        pass
        yield '\n'
        yield str(environment.finalize(t_3(environment.getattr(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period'), 'comparison'))))
        yield '\n'
    yield '\n亮灯情况:红灯 '
    yield str(environment.finalize(environment.getattr((undefined(name='levels') if l_0_levels is missing else l_0_levels), 'red')))
    yield ' 项,黄灯 '
    yield str(environment.finalize(environment.getattr((undefined(name='levels') if l_0_levels is missing else l_0_levels), 'yellow')))
    yield ' 项,蓝灯 '
    yield str(environment.finalize(environment.getattr((undefined(name='levels') if l_0_levels is missing else l_0_levels), 'blue')))
    yield ' 项,绿灯 '
    yield str(environment.finalize(environment.getattr((undefined(name='levels') if l_0_levels is missing else l_0_levels), 'green')))
    yield ' 项。\n\n| 指标 | 数值 |\n| --- | ---: |\n| 条目 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'item_count')))
    yield ' |\n| 单位任务 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'unit_items')))
    yield ' |\n| 已完成 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'done')))
    yield ' |\n| 推进中 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'in_progress')))
    yield ' |\n| 未启动 | '
    yield str(environment.finalize((environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_started') - environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported'))))
    yield ' |\n| 未报送 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported')))
    yield ' |\n| 不涉及 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_applicable')))
    yield ' |\n| 逾期 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue')))
    yield ' |\n| 临期 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'due_soon')))
    yield ' |\n| 更新滞后 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'stale')))
    yield ' |\n| 完成率 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'completion_rate')))
    yield ' |\n| 按期完成率 | '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'on_time_rate')))
    yield ' |\n'
    if (undefined(name='unit_levels') if l_0_unit_levels is missing else l_0_unit_levels):
        environment.budget.step()
        pass
        yield '\n| 条目 | 亮灯 | 情形 | 督办次数 |\n| --- | --- | --- | ---: |\n'
        for l_1_r in (undefined(name='unit_levels') if l_0_unit_levels is missing else l_0_unit_levels):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '| '
            yield str(environment.finalize(t_3(environment.getattr(l_1_r, 'item'))))
            yield ' | '
            yield str(environment.finalize(environment.getattr(l_1_r, 'level')))
            yield ' | '
            yield str(environment.finalize((t_3(environment.getattr(l_1_r, 'reasons')) if environment.getattr(l_1_r, 'reasons') else '—')))
            yield ' | '
            yield str(environment.finalize(environment.getattr(l_1_r, 'times')))
            yield ' |\n'
        l_1_r = missing
    if (not environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit')):
        environment.budget.step()
        pass
        yield '\n### 各单位完成情况\n\n按完成率从高到低排列。\n\n| 序号 | 单位 | 单位任务 | 已完成 | 推进中 | 未启动 | 未报送 | 不涉及 | 逾期 | 更新滞后 | 完成率 |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
        l_1_loop = missing
        for l_1_u, l_1_loop in LoopContext((undefined(name='by_unit') if l_0_by_unit is missing else l_0_by_unit), undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '| '
            yield str(environment.finalize(environment.getattr(l_1_loop, 'index')))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_u, 'name'))))
            yield ' | '
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'unit_items')))
            yield ' | '
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'done')))
            yield ' | '
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'in_progress')))
            yield ' | '
            yield str(environment.finalize((environment.getattr(environment.getattr(l_1_u, 'tally'), 'not_started') - environment.getattr(environment.getattr(l_1_u, 'tally'), 'not_reported'))))
            yield ' | '
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'not_reported')))
            yield ' | '
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'not_applicable')))
            yield ' | '
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'overdue')))
            yield ' | '
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'stale')))
            yield ' | '
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'completion_rate')))
            yield ' |\n'
        l_1_loop = l_1_u = missing
    yield '\n## 二、各项任务进展\n'
    for l_1_section in (undefined(name='sections') if l_0_sections is missing else l_0_sections):
        l_1_depth = missing
        _loop_vars = {}
        environment.budget.step()
        pass
        l_1_depth = t_4(environment, [environment.getattr(l_1_section, 'level'), 3])
        _loop_vars['depth'] = l_1_depth
        if environment.getattr(l_1_section, 'title'):
            environment.budget.step()
            pass
            yield '\n'
            yield str(environment.finalize('######'[:environment.call_binop(context, '+', 2, (undefined(name='depth') if l_1_depth is missing else l_1_depth))]))
            yield ' '
            yield str(environment.finalize(t_3(environment.getattr(l_1_section, 'number'))))
            yield str(environment.finalize(t_3(environment.getattr(l_1_section, 'title'))))
            yield '\n'
        for l_2_task in environment.getattr(l_1_section, 'tasks'):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '\n'
            yield str(environment.finalize('######'[:environment.call_binop(context, '+', 3, (undefined(name='depth') if l_1_depth is missing else l_1_depth))]))
            yield ' '
            yield str(environment.finalize(t_3(environment.getattr(l_2_task, 'id'))))
            yield '. '
            yield str(environment.finalize(t_3(environment.getattr(l_2_task, 'title'))))
            yield str(environment.finalize((environment.call_binop(context, '%', '(完成时间:%s)', t_3(environment.getattr(l_2_task, 'deadline'))) if environment.getattr(l_2_task, 'deadline') else '')))
            yield '\n\n'
            if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'):
                environment.budget.step()
                pass
                yield '| 条目 | 内容 | 完成时间 | 状态 | 最近报送 | 进展情况 |\n| --- | --- | --- | --- | --- | --- |\n'
                for l_3_item in environment.getattr(l_2_task, 'entries'):
                    l_3_u = missing
                    _loop_vars = {}
                    environment.budget.step()
                    pass
                    l_3_u = environment.getitem(environment.getattr(l_3_item, 'units'), 0)
                    _loop_vars['u'] = l_3_u
                    yield '| '
                    yield str(environment.finalize(t_3(environment.getattr(l_3_item, 'id'))))
                    yield ' | '
                    yield str(environment.finalize(t_3(environment.getattr(l_3_item, 'content'))))
                    yield ' | '
                    yield str(environment.finalize(t_3(environment.getattr(l_3_item, 'deadline'))))
                    yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'extension'), l_3_item, _loop_vars=_loop_vars)))
                    yield ' | '
                    yield str(environment.finalize(environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'shown_status')))
                    yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'review'), (undefined(name='u') if l_3_u is missing else l_3_u), _loop_vars=_loop_vars)))
                    yield str(environment.finalize(('(本单位直接承担,报不涉及)' if environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'direct_na') else '')))
                    yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'flags'), (undefined(name='u') if l_3_u is missing else l_3_u), _loop_vars=_loop_vars)))
                    yield ' | '
                    yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'day'), environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'last_report'), _loop_vars=_loop_vars)))
                    yield ' | '
                    yield str(environment.finalize((t_3((environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'reason') or environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'summary'))) or '—')))
                    yield ' |\n'
                l_3_item = l_3_u = missing
            else:
                environment.budget.step()
                pass
                yield '| 条目 | 内容 | 完成时间 | 进度 | 各单位情况 |\n| --- | --- | --- | --- | --- |\n'
                for l_3_item in environment.getattr(l_2_task, 'entries'):
                    _loop_vars = {}
                    environment.budget.step()
                    pass
                    yield '| '
                    yield str(environment.finalize(t_3(environment.getattr(l_3_item, 'id'))))
                    yield ' | '
                    yield str(environment.finalize(t_3(environment.getattr(l_3_item, 'short'))))
                    yield ' | '
                    yield str(environment.finalize(t_3(environment.getattr(l_3_item, 'deadline'))))
                    yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'extension'), l_3_item, _loop_vars=_loop_vars)))
                    yield ' | '
                    if environment.getattr(l_3_item, 'done'):
                        environment.budget.step()
                        pass
                        yield '全部完成'
                    else:
                        environment.budget.step()
                        pass
                        yield str(environment.finalize(environment.getattr(environment.getattr(l_3_item, 'tally'), 'done')))
                        yield '/'
                        yield str(environment.finalize(environment.getattr(environment.getattr(l_3_item, 'tally'), 'applicable')))
                    yield ' | '
                    yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'units_by_status'), l_3_item, _loop_vars=_loop_vars)))
                    yield ' |\n'
                l_3_item = missing
        l_2_task = missing
    l_1_section = l_1_depth = missing
    if (undefined(name='supporting') if l_0_supporting is missing else l_0_supporting):
        environment.budget.step()
        pass
        yield '\n本单位配合的条目(不计入本单位的任务数和完成率):\n\n| 条目 | 任务 | 责任单位 | 完成时间 | 本单位报送 | 最近报送 | 进展情况 |\n| --- | --- | --- | --- | --- | --- | --- |\n'
        for l_1_row in (undefined(name='supporting') if l_0_supporting is missing else l_0_supporting):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '| '
            yield str(environment.finalize(t_3(environment.getattr(l_1_row, 'item'))))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_row, 'task_title'))))
            yield ' | '
            yield str(environment.finalize(t_3(t_1(context.eval_ctx, environment.getattr(l_1_row, 'owners'), '、'))))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_row, 'deadline'))))
            yield ' | '
            yield str(environment.finalize(environment.getattr(l_1_row, 'status')))
            yield ' | '
            yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'day'), environment.getattr(l_1_row, 'last_report'), _loop_vars=_loop_vars)))
            yield ' | '
            yield str(environment.finalize((t_3(environment.getattr(l_1_row, 'summary')) or '—')))
            yield ' |\n'
        l_1_row = missing
    yield '\n## 三、逾期事项通报\n\n'
    if ((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue) and (not environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'))):
        environment.budget.step()
        pass
        yield '截至'
        yield str(environment.finalize(t_5(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ',以下 '
        yield str(environment.finalize(t_2((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue))))
        yield ' 个单位共 '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue')))
        yield ' 项任务已过完成时间仍未完成,按逾期项数和逾期天数排列(括号内为逾期天数;各单位的明细见 `ledger report --unit 单位`):\n\n| 序号 | 单位 | 逾期项数 | 最长逾期天数 | 逾期条目 |\n| ---: | --- | ---: | ---: | --- |\n'
        l_1_loop = missing
        for l_1_group, l_1_loop in LoopContext((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue), undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '| '
            yield str(environment.finalize(environment.getattr(l_1_loop, 'index')))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_group, 'unit'))))
            yield ' | '
            yield str(environment.finalize(environment.getattr(l_1_group, 'count')))
            yield ' | '
            yield str(environment.finalize(environment.getattr(l_1_group, 'max_days_late')))
            yield ' | '
            l_2_loop = missing
            for l_2_row, l_2_loop in LoopContext(environment.getattr(l_1_group, 'rows'), undefined):
                _loop_vars = {}
                environment.budget.step()
                pass
                yield str(environment.finalize(t_3(environment.getattr(l_2_row, 'item'))))
                yield '('
                yield str(environment.finalize(environment.getattr(l_2_row, 'days_late')))
                yield '天)'
                if (not environment.getattr(l_2_loop, 'last')):
                    environment.budget.step()
                    pass
                    yield '、'
            l_2_loop = l_2_row = missing
            yield ' |\n'
        l_1_loop = l_1_group = missing
    elif (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
        environment.budget.step()
        pass
        yield '截至'
        yield str(environment.finalize(t_5(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ',以下任务已过完成时间仍未完成,按逾期天数排列:\n'
        for l_1_group in (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '\n| 条目 | 任务 | 完成时间 | 应完成日期 | 逾期天数 | 逾期工作日 | 当前状态 | 最近报送 |\n| --- | --- | --- | --- | ---: | ---: | --- | --- |\n'
            for l_2_row in environment.getattr(l_1_group, 'rows'):
                _loop_vars = {}
                environment.budget.step()
                pass
                yield '| '
                yield str(environment.finalize(t_3(environment.getattr(l_2_row, 'item'))))
                yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'via'), environment.getattr(l_2_row, 'via'), _loop_vars=_loop_vars)))
                yield ' | '
                yield str(environment.finalize(t_3(environment.getattr(l_2_row, 'task_title'))))
                yield ' | '
                yield str(environment.finalize(t_3(environment.getattr(l_2_row, 'deadline'))))
                yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'extension'), l_2_row, _loop_vars=_loop_vars)))
                yield ' | '
                yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'day'), environment.getattr(l_2_row, 'due'), _loop_vars=_loop_vars)))
                yield ' | '
                yield str(environment.finalize(environment.getattr(l_2_row, 'days_late')))
                yield ' | '
                yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'workdays'), environment.getattr(l_2_row, 'workdays_late'), _loop_vars=_loop_vars)))
                yield ' | '
                yield str(environment.finalize(environment.getattr(l_2_row, 'shown_status')))
                yield ' | '
                yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'day'), environment.getattr(l_2_row, 'last_report'), _loop_vars=_loop_vars)))
                yield ' |\n'
            l_2_row = missing
        l_1_group = missing
    else:
        environment.budget.step()
        pass
        yield '截至'
        yield str(environment.finalize(t_5(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ',无逾期未完成事项。\n'
    if (undefined(name='awaiting_review') if l_0_awaiting_review is missing else l_0_awaiting_review):
        environment.budget.step()
        pass
        yield '\n待审核超过 '
        yield str(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'review_days')))
        yield ' 个工作日(请'
        yield str(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'issuer'))))
        yield '审核销号或退回):\n'
        for l_1_row in (undefined(name='awaiting_review') if l_0_awaiting_review is missing else l_0_awaiting_review):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '- '
            yield str(environment.finalize(t_3(environment.getattr(l_1_row, 'item'))))
            yield ' '
            yield str(environment.finalize(t_3(environment.getattr(l_1_row, 'unit'))))
            yield ':'
            yield str(environment.finalize(t_5(environment.getattr(l_1_row, 'since'))))
            yield '报已完成,已待审核 '
            yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'workdays'), environment.getattr(l_1_row, 'workdays'), _loop_vars=_loop_vars)))
            yield ' 个工作日\n'
        l_1_row = missing
    yield '\n## 四、更新滞后\n\n'
    if (undefined(name='stale') if l_0_stale is missing else l_0_stale):
        environment.budget.step()
        pass
        yield '以下持续更新类条目已过首个完成时间,'
        yield str(environment.finalize((undefined(name='period') if l_0_period is missing else l_0_period)))
        yield '均未报送进展:\n\n'
        if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'):
            environment.budget.step()
            pass
            yield '| 条目 | 任务 | 完成时间 | 当前状态 | 最近报送 |\n| --- | --- | --- | --- | --- |\n'
            for l_1_group in (undefined(name='stale') if l_0_stale is missing else l_0_stale):
                _loop_vars = {}
                environment.budget.step()
                pass
                for l_2_row in environment.getattr(l_1_group, 'rows'):
                    _loop_vars = {}
                    environment.budget.step()
                    pass
                    yield '| '
                    yield str(environment.finalize(t_3(environment.getattr(l_2_row, 'item'))))
                    yield ' | '
                    yield str(environment.finalize(t_3(environment.getattr(l_2_row, 'task_title'))))
                    yield ' | '
                    yield str(environment.finalize(t_3(environment.getattr(l_2_row, 'deadline'))))
                    yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cadence'), l_2_row, (undefined(name='h') if l_0_h is missing else l_0_h), _loop_vars=_loop_vars)))
                    yield ' | '
                    yield str(environment.finalize(environment.getattr(l_2_row, 'shown_status')))
                    yield ' | '
                    yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'day'), environment.getattr(l_2_row, 'last_report'), _loop_vars=_loop_vars)))
                    yield ' |\n'
                l_2_row = missing
            l_1_group = missing
        else:
            environment.budget.step()
            pass
            yield '| 序号 | 单位 | 滞后项数 | 条目(最近报送日期) |\n| ---: | --- | ---: | --- |\n'
            l_1_loop = missing
            for l_1_group, l_1_loop in LoopContext((undefined(name='stale') if l_0_stale is missing else l_0_stale), undefined):
                _loop_vars = {}
                environment.budget.step()
                pass
                yield '| '
                yield str(environment.finalize(environment.getattr(l_1_loop, 'index')))
                yield ' | '
                yield str(environment.finalize(t_3(environment.getattr(l_1_group, 'unit'))))
                yield ' | '
                yield str(environment.finalize(environment.getattr(l_1_group, 'count')))
                yield ' | '
                l_2_loop = missing
                for l_2_row, l_2_loop in LoopContext(environment.getattr(l_1_group, 'rows'), undefined):
                    _loop_vars = {}
                    environment.budget.step()
                    pass
                    yield str(environment.finalize(t_3(environment.getattr(l_2_row, 'item'))))
                    yield '('
                    yield str(environment.finalize((t_5(environment.getattr(l_2_row, 'last_report')) or '未报送')))
                    yield str(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cadence'), l_2_row, (undefined(name='h') if l_0_h is missing else l_0_h), _loop_vars=_loop_vars)))
                    yield ')'
                    if (not environment.getattr(l_2_loop, 'last')):
                        environment.budget.step()
                        pass
                        yield '、'
                l_2_loop = l_2_row = missing
                yield ' |\n'
            l_1_loop = l_1_group = missing
    else:
        environment.budget.step()
        pass
        yield '无更新滞后的单位。\n'
    yield '\n## 五、'
    yield str(environment.finalize(('本期' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period') else '本月')))
    yield '报送进展('
    yield str(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'month_label')))
    yield ')\n\n'
    if (undefined(name='received') if l_0_received is missing else l_0_received):
        environment.budget.step()
        pass
        yield '| 日期 | 单位 | 条目 | 状态 | 进展情况 | 佐证材料 |\n| --- | --- | --- | --- | --- | --- |\n'
        for l_1_r in (undefined(name='received') if l_0_received is missing else l_0_received):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '| '
            yield str(environment.finalize(t_5(environment.getattr(l_1_r, 'date'))))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_r, 'unit'))))
            yield str(environment.finalize((environment.call_binop(context, '%', '(%s)', environment.getattr(l_1_r, 'role')) if environment.getattr(l_1_r, 'role') else '')))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_r, 'item'))))
            yield ' | '
            yield str(environment.finalize(environment.getattr(l_1_r, 'status')))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_r, 'summary'))))
            if environment.getattr(l_1_r, 'reason'):
                environment.budget.step()
                pass
                yield '(理由:'
                yield str(environment.finalize(t_3(environment.getattr(l_1_r, 'reason'))))
                yield ')'
            yield ' | '
            yield str(environment.finalize((environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'evidence'), environment.getattr(l_1_r, 'evidence'), _loop_vars=_loop_vars) if environment.getattr(l_1_r, 'evidence') else '—')))
            yield ' |\n'
        l_1_r = missing
    else:
        environment.budget.step()
        pass
        yield str(environment.finalize(('本期' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period') else '本月')))
        yield '无报送。\n'
    yield '\n## 六、'
    yield str(environment.finalize(('下期' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period') else '下月')))
    yield '到期事项('
    yield str(environment.finalize(environment.getattr((undefined(name='next_month') if l_0_next_month is missing else l_0_next_month), 'month_label')))
    yield ')\n\n'
    if environment.getattr((undefined(name='next_month') if l_0_next_month is missing else l_0_next_month), 'rows'):
        environment.budget.step()
        pass
        yield '| 应完成日期 | 条目 | 类型 | 事项 | 完成时间 | 尚未完成的单位 |\n| --- | --- | --- | --- | --- | --- |\n'
        l_1_loop = missing
        for l_1_row, l_1_loop in LoopContext(environment.getattr((undefined(name='next_month') if l_0_next_month is missing else l_0_next_month), 'rows'), undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '| '
            yield str(environment.finalize(t_5(environment.getattr(l_1_row, 'due'))))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_row, 'item'))))
            yield ' | '
            yield str(environment.finalize(environment.getattr(l_1_row, 'kind')))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_row, 'what'))))
            yield ' | '
            yield str(environment.finalize(t_3(environment.getattr(l_1_row, 'deadline'))))
            yield ' | '
            l_2_loop = missing
            for l_2_name, l_2_loop in LoopContext(environment.getattr(l_1_row, 'units'), undefined):
                _loop_vars = {}
                environment.budget.step()
                pass
                yield str(environment.finalize(t_3(l_2_name)))
                if (not environment.getattr(l_2_loop, 'last')):
                    environment.budget.step()
                    pass
                    yield '、'
            l_2_loop = l_2_name = missing
            yield ' |\n'
        l_1_loop = l_1_row = missing
    else:
        environment.budget.step()
        pass
        yield str(environment.finalize(('下期' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period') else '下月')))
        yield '无到期事项。\n'
    if (undefined(name='annual') if l_0_annual is missing else l_0_annual):
        environment.budget.step()
        pass
        yield '\n## 七、落实上级年度政务公开工作要点情况\n\n'
        yield str(environment.finalize(t_3(environment.getattr((undefined(name='annual') if l_0_annual is missing else l_0_annual), 'intro'))))
        yield '\n'
        for l_1_t in environment.getattr((undefined(name='annual') if l_0_annual is missing else l_0_annual), 'tasks'):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '\n'
            yield str(environment.finalize(environment.getattr(l_1_t, 'number')))
            yield str(environment.finalize(t_3(environment.getattr(l_1_t, 'title'))))
            yield '。'
            yield str(environment.finalize(t_3(environment.getattr(l_1_t, 'text'))))
            yield '\n'
        l_1_t = missing
    yield '\n---\n\n说明:完成率 = 已完成的单位任务 ÷(单位任务 − 不涉及);按期完成率 = 在完成时间内完成的单位任务 ÷ 截至统计日已到完成时间的单位任务(不含不涉及和无固定完成时间的);逾期天数按日历日计,逾期工作日按国家法定节假日和调休安排计;临期指 '
    yield str(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'warn_days')))
    yield ' 天内到期;更新滞后指持续更新类条目已过首个完成时间,'
    yield str(environment.finalize((undefined(name='period') if l_0_period is missing else l_0_period)))
    yield '均无进展报送。亮灯:红灯为逾期,黄灯为落后于序时进度(更新滞后、节点滞后、过半未启动),蓝灯为临期,绿灯为其余。'
    if (undefined(name='unit_levels') if l_0_unit_levels is missing else l_0_unit_levels):
        environment.budget.step()
        pass
        yield '督办次数为自工作要点印发起各月末(及统计截至日)该条目亮红灯的次数。'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'commit'):
        environment.budget.step()
        pass
        yield '数据版本:'
        yield str(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'commit'))))
        yield str(environment.finalize(('(有未提交的修改)' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'dirty') else '')))
        yield '。'

blocks = {}
debug_info = '3=57&4=59&5=62&6=65&7=69&9=71&11=75&12=81&13=85&15=87&16=91&18=93&20=97&22=99&23=104&29=114&30=118&32=130&34=141&35=175&37=179&40=182&44=190&45=192&46=194&47=196&48=198&49=200&50=202&51=204&52=206&53=208&54=210&55=212&56=214&60=218&61=223&64=232&72=237&73=242&78=266&79=271&80=273&82=277&84=282&86=287&88=294&91=298&92=303&93=306&98=327&99=332&104=355&110=359&111=364&117=380&118=384&122=391&123=396&125=420&126=424&127=426&131=431&132=436&136=460&138=462&140=466&141=470&142=475&148=485&149=489&151=491&154=495&155=499&156=504&162=522&163=527&170=555&172=559&175=563&176=568&179=591&182=594&184=598&187=603&188=608&191=634&193=636&197=640&198=642&200=647&206=654'

# Generated by `python -m gongkai_ledger.render.templates` (see render/templates.py). Do not edit.
# mypy: ignore-errors
