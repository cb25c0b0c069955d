import { ArrowLeftOutlined, BranchesOutlined, CheckOutlined, SaveOutlined } from '@ant-design/icons';
import { type CriterionInput, ruleSetById, validateFramework } from '@canbo/domain';
import { Alert, App, Button, Card, Input, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useFramework, useFrameworkMutations } from '../../api/evaluationAdmin';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { CriteriaEditor } from './CriteriaEditor';
import { frameworkOf } from './domain';
import { FrameworkParameters } from './FrameworkParameters';

type Params = Record<string, number | string | boolean>;

/** One framework: its criteria tree and parameters; a draft is edited and published, then never changes. */
export default function FrameworkPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const { id = '' } = useParams();
  const query = useFramework(id);
  const m = useFrameworkMutations();
  const [tree, setTree] = useState<CriterionInput[]>([]);
  const [params, setParams] = useState<Params>({});
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const f = query.data;

  useEffect(() => {
    if (!f) return;
    setTree(f.criteria);
    setParams(f.parameters);
    setName(f.name);
  }, [f]);

  const issues = useMemo(() => {
    const rs = f ? ruleSetById(f.ruleSetId) : undefined;
    return rs && f ? validateFramework(rs, frameworkOf(f.ruleSetId, tree)) : [];
  }, [f, tree]);
  const flagged = useMemo(() => new Set(issues.map((i) => i.path)), [issues]);

  if (query.isPending) return <PageLoader />;
  if (!f) return <ErrorAlert error={query.error} />;
  const readOnly = f.status !== 'draft' || !can('evaluations.manage');
  const dirty =
    JSON.stringify(tree) !== JSON.stringify(f.criteria) ||
    JSON.stringify(params) !== JSON.stringify(f.parameters) ||
    name !== f.name;

  const save = async () => {
    setError(null);
    try {
      const saved = await m.update.mutateAsync({
        id: f.id,
        input: { name: name.trim(), criteria: tree, parameters: params, version: f.version },
      });
      message.success(t('common.saved'));
      return saved;
    } catch (err) {
      setError(err);
      return null;
    }
  };
  const publish = () =>
    modal.confirm({
      title: t('evaluations.frameworks.publishConfirm'),
      content: t('evaluations.frameworks.publishHint'),
      okText: t('evaluations.frameworks.publish'),
      cancelText: t('common.cancel'),
      okButtonProps: { id: 'publish-framework-ok' },
      onOk: async () => {
        const current = dirty ? await save() : f;
        if (!current) return;
        setError(null);
        try {
          await m.publish.mutateAsync({ id: f.id, version: current.version });
          message.success(t('evaluations.frameworks.published'));
        } catch (err) {
          setError(err);
        }
      },
    });
  const derive = async () => {
    setError(null);
    try {
      const next = await m.create.mutateAsync({
        ruleSetId: f.ruleSetId,
        unitId: f.unitId,
        name: f.name,
        basedOnId: f.id,
        newVersion: true,
      });
      navigate(`/evaluations/frameworks/${next.id}`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <LinkButton to="/evaluations/frameworks" icon={<ArrowLeftOutlined />} type="link" className="back-link">
        {t('evaluations.frameworks.backToList')}
      </LinkButton>
      <PageTitle
        title={`${f.name} (v${f.versionNo})`}
        extra={
          <Space wrap>
            <Tag color={f.status === 'published' ? 'green' : f.status === 'draft' ? 'blue' : 'default'}>
              {t(`evaluations.frameworks.statuses.${f.status}`)}
            </Tag>
            {!readOnly ? (
              <>
                <Button
                  id="framework-save"
                  icon={<SaveOutlined />}
                  disabled={!dirty}
                  loading={m.update.isPending}
                  onClick={save}
                >
                  {t('common.save')}
                </Button>
                <Button
                  id="framework-publish"
                  type="primary"
                  icon={<CheckOutlined />}
                  disabled={issues.length > 0}
                  loading={m.publish.isPending}
                  onClick={publish}
                >
                  {t('evaluations.frameworks.publish')}
                </Button>
              </>
            ) : can('evaluations.manage') ? (
              <Button
                id="framework-derive"
                icon={<BranchesOutlined />}
                loading={m.create.isPending}
                onClick={derive}
              >
                {t('evaluations.frameworks.newVersion')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {f.status !== 'draft' ? (
        <Alert
          className="mb-16"
          type="info"
          showIcon
          title={t('evaluations.frameworks.immutable', { at: formatDateTime(f.publishedAt) })}
        />
      ) : null}
      {isApiError(error) && error.status === 409 ? (
        <ConflictAlert onReload={() => void query.refetch()} />
      ) : null}
      {error && !(isApiError(error) && error.status === 409) ? (
        <div className="mb-16">
          <ErrorAlert error={error} />
        </div>
      ) : null}
      {!readOnly && issues.length > 0 ? (
        <Alert
          id="framework-issues"
          className="mb-16"
          type="warning"
          showIcon
          title={t('evaluations.frameworks.issues', { count: issues.length })}
          description={
            <ul className="error-details">
              {issues.map((i) => (
                <li key={`${i.path}:${i.message.vi}`}>
                  {i.path ? <code>{i.path}</code> : null} {i.message[lang]}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Card size="small" className="mb-16" title={t('evaluations.frameworks.name')}>
        <Input
          id="framework-name"
          value={name}
          disabled={readOnly}
          maxLength={300}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="small-note mt-8">
          {f.unitName} · {ruleSetById(f.ruleSetId)?.title[lang] ?? f.ruleSetId}
        </div>
      </Card>
      <Card size="small" className="mb-16" title={t('evaluations.frameworks.criteria')}>
        <CriteriaEditor tree={tree} onChange={setTree} readOnly={readOnly} flagged={flagged} />
      </Card>
      <Card size="small" title={t('evaluations.frameworks.parameters')}>
        <FrameworkParameters
          ruleSetId={f.ruleSetId}
          values={params}
          onChange={setParams}
          readOnly={readOnly}
        />
      </Card>
    </>
  );
}
