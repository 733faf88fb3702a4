"""Shifts, sites, holidays, leave and attendance days

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 20:07:48.343847
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import asistencia.core.database


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('job_state',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('locked_until', asistencia.core.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('locked_by', sa.String(length=100), nullable=True),
    sa.Column('watermark', sa.Date(), nullable=True),
    sa.Column('last_run_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_job_state'))
    )
    op.create_table('sites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sites')),
    sa.UniqueConstraint('name', name=op.f('uq_sites_name'))
    )
    op.create_table('holidays',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('created_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_holidays_site_id_sites'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holidays')),
    sa.UniqueConstraint('day', 'site_id', name='uq_holidays_day_site')
    )
    with op.batch_alter_table('holidays', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holidays_day'), ['day'], unique=False)

    op.create_table('attendance_alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('delivered_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_attendance_alerts_employee_id_employees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_alerts')),
    sa.UniqueConstraint('employee_id', 'kind', 'local_date', name='uq_attendance_alerts_key')
    )
    with op.batch_alter_table('attendance_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_alerts_employee_id'), ['employee_id'], unique=False)

    op.create_table('attendance_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('final', sa.Boolean(), nullable=False),
    sa.Column('scheduled_start', asistencia.core.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('scheduled_end', asistencia.core.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('first_in', asistencia.core.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_out', asistencia.core.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('worked_minutes', sa.Integer(), nullable=False),
    sa.Column('late_minutes', sa.Integer(), nullable=False),
    sa.Column('early_exit_minutes', sa.Integer(), nullable=False),
    sa.Column('overtime_minutes', sa.Integer(), nullable=False),
    sa.Column('required_minutes', sa.Integer(), nullable=False),
    sa.Column('balance_minutes', sa.Integer(), nullable=False),
    sa.Column('deficit', sa.Boolean(), nullable=False),
    sa.Column('excess', sa.Boolean(), nullable=False),
    sa.Column('holiday', sa.Boolean(), nullable=False),
    sa.Column('leave_minutes', sa.Integer(), nullable=False),
    sa.Column('leave_ids', sa.JSON(), nullable=False),
    sa.Column('punch_ids', sa.JSON(), nullable=False),
    sa.Column('duplicate_punch_ids', sa.JSON(), nullable=False),
    sa.Column('explanation', sa.JSON(), nullable=False),
    sa.Column('rules_snapshot', sa.JSON(), nullable=False),
    sa.Column('computed_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_attendance_days_employee_id_employees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_attendance_days_shift_id_shifts'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_attendance_days_site_id_sites'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_days')),
    sa.UniqueConstraint('employee_id', 'local_date', 'shift_id', name='uq_attendance_days_instance')
    )
    with op.batch_alter_table('attendance_days', schema=None) as batch_op:
        batch_op.create_index('ix_attendance_days_date_status', ['local_date', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_days_employee_id'), ['employee_id'], unique=False)

    op.create_table('shift_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('weekdays', sa.String(length=7), nullable=True),
    sa.Column('overrides', sa.JSON(), nullable=True),
    sa.Column('created_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_shift_assignments_employee_id_employees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_shift_assignments_shift_id_shifts'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_assignments'))
    )
    with op.batch_alter_table('shift_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shift_assignments_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shift_assignments_shift_id'), ['shift_id'], unique=False)

    op.create_table('leave_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('justification', sa.Boolean(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('end_time', sa.Time(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('requested_by_user_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_by_user_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('review_comment', sa.Text(), nullable=True),
    sa.Column('cancelled_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('attachment_name', sa.String(length=255), nullable=True),
    sa.Column('attachment_type', sa.String(length=100), nullable=True),
    sa.Column('attachment_size', sa.Integer(), nullable=True),
    sa.Column('attachment_path', sa.String(length=300), nullable=True),
    sa.Column('created_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_leave_requests_employee_id_employees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requested_by_user_id'], ['users.id'], name=op.f('fk_leave_requests_requested_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewed_by_user_id'], ['users.id'], name=op.f('fk_leave_requests_reviewed_by_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leave_requests'))
    )
    with op.batch_alter_table('leave_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_leave_requests_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_leave_requests_status'), ['status'], unique=False)

    with op.batch_alter_table('attendance_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind_explicit', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('voided_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('voided_by_user_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('void_reason', sa.String(length=500), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_attendance_events_voided_by_user_id_users'), 'users', ['voided_by_user_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('site_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_employees_site_id_sites'), 'sites', ['site_id'], ['id'], ondelete='RESTRICT')

    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('segments', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('break_minutes', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('break_start', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('break_end', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('window_before_minutes', sa.Integer(), nullable=False, server_default='120'))
        batch_op.add_column(sa.Column('window_after_minutes', sa.Integer(), nullable=False, server_default='240'))
        batch_op.add_column(sa.Column('min_full_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('min_half_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('overtime_after_minutes', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('overtime_before_allowed', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('required_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('tolerance_minutes', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('retired_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('updated_at', asistencia.core.database.UTCDateTime(timezone=True), nullable=False, server_default=sa.func.current_timestamp()))


def downgrade() -> None:
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.drop_column('updated_at')
        batch_op.drop_column('retired_at')
        batch_op.drop_column('tolerance_minutes')
        batch_op.drop_column('required_minutes')
        batch_op.drop_column('overtime_before_allowed')
        batch_op.drop_column('overtime_after_minutes')
        batch_op.drop_column('min_half_minutes')
        batch_op.drop_column('min_full_minutes')
        batch_op.drop_column('window_after_minutes')
        batch_op.drop_column('window_before_minutes')
        batch_op.drop_column('break_end')
        batch_op.drop_column('break_start')
        batch_op.drop_column('break_minutes')
        batch_op.drop_column('segments')

    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_employees_site_id_sites'), type_='foreignkey')
        batch_op.drop_column('site_id')

    with op.batch_alter_table('attendance_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_attendance_events_voided_by_user_id_users'), type_='foreignkey')
        batch_op.drop_column('void_reason')
        batch_op.drop_column('voided_by_user_id')
        batch_op.drop_column('voided_at')
        batch_op.drop_column('kind_explicit')

    with op.batch_alter_table('leave_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leave_requests_status'))
        batch_op.drop_index(batch_op.f('ix_leave_requests_employee_id'))

    op.drop_table('leave_requests')
    with op.batch_alter_table('shift_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shift_assignments_shift_id'))
        batch_op.drop_index(batch_op.f('ix_shift_assignments_employee_id'))

    op.drop_table('shift_assignments')
    with op.batch_alter_table('attendance_days', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_days_employee_id'))
        batch_op.drop_index('ix_attendance_days_date_status')

    op.drop_table('attendance_days')
    with op.batch_alter_table('attendance_alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_alerts_employee_id'))

    op.drop_table('attendance_alerts')
    with op.batch_alter_table('holidays', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holidays_day'))

    op.drop_table('holidays')
    op.drop_table('sites')
    op.drop_table('job_state')
